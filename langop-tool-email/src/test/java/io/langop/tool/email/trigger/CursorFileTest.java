package io.langop.tool.email.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.langop.wire.MailTriggers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorFileTest {

    private static final Subscriber TRIAGE = new Subscriber(
            new MailTriggers.Subscription(
                    "shop/triage", "http://triage-agent.shop:8000/webhook/mail", "triage", null, null, null),
            Path.of("unused"));

    /** Two replicas of a tool sharing a state directory (one workspace, or one machine) save the same cursor file. */
    @Test
    void replicasSavingIntoOneDirectoryDoNotTakeEachOthersFileAway(@TempDir Path state) throws Exception {
        CursorFile first = new CursorFile(state, TRIAGE);
        CursorFile second = new CursorFile(state, TRIAGE);
        List<Callable<Void>> replicas = new ArrayList<>();
        for (CursorFile replica : List.of(first, second)) {
            replicas.add(() -> {
                for (long uid = 1; uid <= 150; uid++) {
                    replica.save(new DeliveryCursor(7, uid));
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Void> saved : pool.invokeAll(replicas)) {
                saved.get(); // a save whose file another replica moved away fails here
            }
        }
        assertThat(first.load()).contains(new DeliveryCursor(7, 150));
        try (var files = Files.list(state)) {
            assertThat(files)
                    .as("no file left behind but the cursor")
                    .extracting(file -> file.getFileName().toString())
                    .singleElement()
                    .asString()
                    .endsWith(".cursor");
        }
    }
}
