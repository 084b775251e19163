package io.langop.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.ThrowingConsumer;

/**
 * The memory attack on a server that parses JSON bodies whole: several connections each post a chunked JSON body
 * whose string value grows without end, and keep the connection open. A server without a body cap holds every
 * byte of each (a JSON tree is built whole); a capped one answers 413 once the cap is passed.
 */
public final class OversizeBodies {

    private static final String OPENING = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"";
    private static final String PIECE = RawHttpClient.chunk("x".repeat(64 * 1024));

    /** A body length far over any cap: the answer to a head announcing it must come from the head alone. */
    public static final long ANNOUNCED_BYTES = 64L * 1024 * 1024;

    private OversizeBodies() {}

    /**
     * The answer to a JSON POST whose head announces {@link #ANNOUNCED_BYTES} and whose body never comes; the head
     * carries the given extra header lines.
     */
    public static RawHttpClient.Answer answerToAnnouncedBody(int port, String path, String... headers)
            throws IOException {
        List<String> head = new ArrayList<>(List.of("Content-Type: application/json"));
        head.addAll(List.of(headers));
        head.add("Content-Length: " + ANNOUNCED_BYTES);
        try (RawHttpClient client = new RawHttpClient(port)) {
            client.send(RawHttpClient.postHead(path, head.toArray(String[]::new)));
            return client.answer();
        }
    }

    /**
     * Opens {@code clients} connections to the path, each posting a chunked JSON body of up to {@code bytesEach}
     * bytes that is never finished (writing stops early once the server stops taking bytes), and returns them
     * open so that the caller reads each answer. The head carries the given extra header lines.
     */
    static List<RawHttpClient> postEndlessJsonBodies(
            int port, String path, int clients, long bytesEach, String... headers) throws Exception {
        List<String> head = new ArrayList<>(List.of("Content-Type: application/json", "Transfer-Encoding: chunked"));
        head.addAll(List.of(headers));
        List<RawHttpClient> opened = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sending = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                RawHttpClient client = new RawHttpClient(port);
                opened.add(client);
                sending.add(senders.submit(() -> {
                    client.send(
                            RawHttpClient.postHead(path, head.toArray(String[]::new)) + RawHttpClient.chunk(OPENING));
                    for (long sent = 0; sent < bytesEach && client.trySend(PIECE); sent += 64 * 1024) {
                        // on to the next piece: nothing in the body ends the string
                    }
                    return null;
                }));
            }
            for (Future<?> send : sending) {
                try {
                    send.get(20, TimeUnit.SECONDS);
                } catch (TimeoutException stuck) {
                    for (RawHttpClient client : opened) {
                        client.close();
                    }
                    throw new AssertionError("the server neither read the body nor closed the connection", stuck);
                }
            }
        } catch (IOException | RuntimeException | InterruptedException | java.util.concurrent.ExecutionException e) {
            for (RawHttpClient client : opened) {
                client.close();
            }
            throw e;
        }
        return opened;
    }

    /**
     * The attack proved harmless: 4 connections each post a 12 MiB chunked JSON body that never ends; each answer
     * must pass {@code eachAnswer} (a 413 in the surface's error shape), and the heap held after a collection while
     * the connections are still open must stay under 32 MiB (a server that parses each body whole holds them all).
     */
    public static void assertRefusedWithoutHoldingTheHeap(
            int port, String path, ThrowingConsumer<RawHttpClient.Answer> eachAnswer, String... headers)
            throws Exception {
        long heapBefore = heapAfterGc();
        List<RawHttpClient> endless = postEndlessJsonBodies(port, path, 4, 12L * 1024 * 1024, headers);
        try {
            assertThat(heapAfterGc() - heapBefore)
                    .as("heap held while 4 bodies of 12 MiB are pending (each body whole without the cap)")
                    .isLessThan(32L * 1024 * 1024);
            for (RawHttpClient client : endless) {
                eachAnswer.accept(client.answer());
            }
        } finally {
            for (RawHttpClient client : endless) {
                client.close();
            }
        }
    }

    /** The heap in use after a full collection, as far as {@code System.gc()} gets it. */
    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
