package io.langop.memory.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.langop.memory.ConnectionUrl;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemoryBackendProvider;
import io.langop.sdk.memory.spi.MemorySettings;
import java.time.Duration;
import java.util.Set;

/**
 * {@code MEMORY_STORE=postgres}, {@code MEMORY_URL=postgresql://user:password@host[:port]/database[?sslmode=...]}
 * (the libpq form; its query parameters go to the JDBC driver).
 */
public final class PostgresBackendProvider implements MemoryBackendProvider {

    /** Short: a database that does not answer within it is down, and the SDK's backoff takes over. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public MemoryBackend open(MemorySettings settings) {
        ConnectionUrl url = ConnectionUrl.parse(settings.url(), "postgres", Set.of("postgresql", "postgres"), 5432);
        if (url.path().isEmpty()) {
            throw new IllegalArgumentException("the postgres connection string names no database (…/DATABASE)");
        }
        String jdbc = "jdbc:postgresql://" + url.address() + "/" + url.path();
        HikariConfig config = new HikariConfig();
        config.setPoolName("langop-memory");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1); // start without the database; operations fail (and retry) instead
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        url.parameters().forEach(config::addDataSourceProperty);
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("socketTimeout", "30");
        config.setJdbcUrl(jdbc);
        return new PostgresBackend(
                new HikariDataSource(config), "postgres at " + url.address() + "/" + url.path(), settings.scope());
    }
}
