package io.langop.memory.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.langop.sdk.memory.Memory;
import io.langop.sdk.memory.MemoryContract;
import io.langop.sdk.memory.RestartableServer;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.MemorySettings;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Postgres backend held to the memory contract, against an embedded Postgres started once for this class. */
class PostgresMemoryTest extends MemoryContract {

    private static PostgresServer server;

    @BeforeAll
    static void startPostgres(@TempDir Path data) throws Exception {
        server = PostgresServer.start(data);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected MemoryBackend open(String scope) {
        return new PostgresBackendProvider()
                .open(new MemorySettings("postgres", server.url(), scope, Path.of("unused")));
    }

    @Override
    protected RestartableServer server() {
        return server;
    }

    @Override
    protected String secretInTheUrl() {
        return PostgresServer.PASSWORD;
    }

    @Test
    void createsItsTablesInTheDatabaseItIsGivenAndRecordsTheMigration() throws Exception {
        memory().state().put("k", "v");

        String jdbc = server.url().replace("postgresql://agent:" + PostgresServer.PASSWORD + "@", "jdbc:postgresql://");
        try (var connection = DriverManager.getConnection(jdbc, "agent", PostgresServer.PASSWORD);
                ResultSet history = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT version, success FROM langop_memory_schema_history WHERE version = '1'")) {
            assertThat(history.next()).isTrue();
            assertThat(history.getBoolean("success")).isTrue();
        }
    }

    @Test
    void aConnectionStringWithoutADatabaseSaysSo() {
        assertThatThrownBy(() -> new PostgresBackendProvider()
                        .open(new MemorySettings("postgres", "postgres://u:secret@db:5432", "s", Path.of("x"))))
                .hasMessageContaining("names no database")
                .hasMessageNotContaining("secret");
    }

    @Test
    void anAgentStartsWhileTheDatabaseIsDownAndUsesItOnceItIsUp() throws Exception {
        server.stop();
        Memory memory;
        try {
            memory = memory(); // opening reaches nothing
        } finally {
            server.restart();
        }
        memory.state().put("late", "fine");

        assertThat(memory.state().get("late")).contains("fine");
    }
}
