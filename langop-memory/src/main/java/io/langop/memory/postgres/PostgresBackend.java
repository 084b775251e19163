package io.langop.memory.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.langop.sdk.memory.spi.BackendUnavailableException;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredEntry;
import io.langop.sdk.memory.spi.StoredValue;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * Memory in Postgres: the tables {@code langop_memory_values} and {@code langop_memory_turns} (one row per
 * key, one per turn) and {@code langop_memory_claims} (one row per claim), created and migrated by the backend itself with Flyway (its history in
 * {@code langop_memory_schema_history}) the first time the database answers, so an empty database is enough
 * and a database that is down at start delays nothing but the first operation.
 */
public final class PostgresBackend implements MemoryBackend {

    private static final String GET =
            "SELECT content_type, content FROM langop_memory_values WHERE scope = ? AND space = ? AND key = ?";
    private static final String PUT = """
            INSERT INTO langop_memory_values (scope, space, key, content_type, content) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (scope, space, key)
            DO UPDATE SET content_type = excluded.content_type, content = excluded.content, updated_at = now()""";
    private static final String DELETE = "DELETE FROM langop_memory_values WHERE scope = ? AND space = ? AND key = ?";
    private static final String LIST = """
            SELECT key, content_type, length(content) FROM langop_memory_values
            WHERE scope = ? AND space = ? AND starts_with(key, ?) ORDER BY key""";
    private static final String APPEND = "INSERT INTO langop_memory_turns (scope, session, turn) VALUES (?, ?, ?)";
    private static final String TRIM = """
            DELETE FROM langop_memory_turns WHERE scope = ? AND session = ? AND seq <= (
                SELECT seq FROM langop_memory_turns WHERE scope = ? AND session = ? ORDER BY seq DESC OFFSET ? LIMIT 1)""";
    private static final String TURNS =
            "SELECT turn FROM langop_memory_turns WHERE scope = ? AND session = ? ORDER BY seq";
    private static final String DELETE_TURNS = "DELETE FROM langop_memory_turns WHERE scope = ? AND session = ?";
    /**
     * One statement: a new claim is inserted; an existing one is taken over only when its owner claims again or it has
     * expired, and the row is returned only when the claim is the caller's. Concurrent claims of one name queue on the
     * row's lock, and each sees the row as the one before it left it.
     */
    private static final String CLAIM = """
            INSERT INTO langop_memory_claims AS held (scope, name, owner, expires_at)
            VALUES (?, ?, ?, now() + ? * interval '1 millisecond')
            ON CONFLICT (scope, name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE held.owner = excluded.owner OR held.expires_at <= now()
            RETURNING 1""";

    private static final String SWEEP_CLAIMS =
            "DELETE FROM langop_memory_claims WHERE scope = ? AND expires_at <= now()";
    /** How often expired claims are deleted: they take no claim's place meanwhile, only a row each. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final HikariDataSource pool;
    private final String description;
    private final String scope;
    private volatile boolean migrated;
    private volatile long nextSweep;

    PostgresBackend(HikariDataSource pool, String description, String scope) {
        this.pool = pool;
        this.description = description;
        this.scope = scope;
        this.nextSweep = System.nanoTime(); // the first claim sweeps
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<StoredValue> get(Space space, String key) {
        return query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(GET)) {
                bind(select, scope, space.wireName(), key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new StoredValue(row.getBytes(2), row.getString(1)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(Space space, String key, StoredValue value) {
        query(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(PUT)) {
                bind(upsert, scope, space.wireName(), key, value.contentType(), value.content());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(Space space, String key) {
        return query(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                bind(delete, scope, space.wireName(), key);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<StoredEntry> list(Space space, String prefix) {
        return query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(LIST)) {
                bind(select, scope, space.wireName(), prefix);
                List<StoredEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new StoredEntry(rows.getString(1), rows.getString(2), rows.getLong(3)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public void appendTurns(String session, List<String> turns, int keep) {
        query(connection -> {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(APPEND);
                    PreparedStatement trim = connection.prepareStatement(TRIM)) {
                for (String turn : turns) {
                    bind(insert, scope, session, turn);
                    insert.addBatch();
                }
                insert.executeBatch();
                bind(trim, scope, session, scope, session, keep);
                trim.executeUpdate();
                connection.commit();
                return null;
            } catch (SQLException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    @Override
    public List<String> turns(String session) {
        return query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(TURNS)) {
                bind(select, scope, session);
                List<String> turns = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        turns.add(rows.getString(1));
                    }
                }
                return turns;
            }
        });
    }

    @Override
    public boolean deleteTurns(String session) {
        return query(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_TURNS)) {
                bind(delete, scope, session);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean claim(String name, String owner, Duration lifetime) {
        return query(connection -> {
            boolean claimed;
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                bind(claim, scope, name, owner, Math.max(1, lifetime.toMillis()));
                try (ResultSet row = claim.executeQuery()) {
                    claimed = row.next();
                }
            }
            long now = System.nanoTime();
            if (now - nextSweep >= 0) {
                nextSweep = now + SWEEP_EVERY.toNanos();
                try (PreparedStatement sweep = connection.prepareStatement(SWEEP_CLAIMS)) {
                    bind(sweep, scope);
                    sweep.executeUpdate();
                }
            }
            return claimed;
        });
    }

    @Override
    public void close() {
        pool.close();
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try {
            migrate();
            try (Connection connection = pool.getConnection()) {
                return work.on(connection);
            }
        } catch (SQLException | RuntimeException failure) {
            if (unreachable(failure)) {
                throw new BackendUnavailableException(String.valueOf(failure.getMessage()), failure);
            }
            throw new IllegalStateException(description + " failed: " + failure.getMessage(), failure);
        }
    }

    /** Once per process, on the first operation the database answers. */
    private void migrate() {
        if (!migrated) {
            synchronized (this) {
                if (!migrated) {
                    Flyway.configure(PostgresBackend.class.getClassLoader())
                            .dataSource(pool)
                            .locations("classpath:io/langop/memory/postgres/migration")
                            .table("langop_memory_schema_history")
                            .baselineOnMigrate(true) // a database holding other tables already
                            .baselineVersion("0")
                            .load()
                            .migrate();
                    migrated = true;
                }
            }
        }
    }

    /**
     * Connection failures (SQLSTATE class 08), a server shutting down or starting (57P01-57P03), no connection
     * from the pool in time: the database may answer later. Anything else (a refused password, 28P01) will not.
     */
    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
