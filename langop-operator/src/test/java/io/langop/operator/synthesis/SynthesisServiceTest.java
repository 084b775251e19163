package io.langop.operator.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.langop.kit.catalog.ToolCatalog;
import io.langop.operator.synthesis.SynthesisService.AgentKey;
import io.langop.operator.synthesis.SynthesisService.Deferred;
import io.langop.operator.synthesis.SynthesisService.Finished;
import io.langop.operator.synthesis.SynthesisService.Progress;
import io.langop.operator.synthesis.SynthesisService.Running;
import io.langop.operator.synthesis.SynthesisService.Unavailable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SynthesisServiceTest {

    private static final AgentKey NEWS = new AgentKey("team-a", "news");

    private final MutableClock clock = new MutableClock();
    private final Set<AgentKey> woken = ConcurrentHashMap.newKeySet();
    private final AtomicInteger runs = new AtomicInteger();
    private SynthesisService service;

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aSlowSynthesisRunsInTheBackgroundAndWakesItsAgentWhenDone() throws Exception {
        CountDownLatch llmAnswers = new CountDownLatch(1);
        service = service(
                request -> {
                    runs.incrementAndGet();
                    llmAnswers.await();
                    return success(request);
                },
                100);

        assertThat(service.request(NEWS, "fp-1", request("news"))).isInstanceOf(Running.class);
        assertThat(service.request(NEWS, "fp-1", request("news"))).isInstanceOf(Running.class);
        assertThat(woken).isEmpty();

        llmAnswers.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.contains(NEWS));
        Progress progress = service.request(NEWS, "fp-1", request("news"));
        assertThat(progress)
                .isInstanceOfSatisfying(
                        Finished.class,
                        finished -> assertThat(finished.result().source()).contains("class Agent {} // news"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aNewFingerprintCancelsTheOutdatedRun() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstInterrupted = new CountDownLatch(1);
        service = service(
                request -> {
                    if (request.instructions().equals("old")) {
                        firstStarted.countDown();
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            firstInterrupted.countDown();
                            throw e;
                        }
                    }
                    return success(request);
                },
                100);

        service.request(NEWS, "fp-old", request("old"));
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(service.request(NEWS, "fp-new", request("new"))).isInstanceOf(Running.class);

        assertThat(firstInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.contains(NEWS));
        assertThat(service.request(NEWS, "fp-new", request("new")))
                .isInstanceOfSatisfying(
                        Finished.class,
                        finished -> assertThat(finished.result().source()).contains("class Agent {} // new"));
    }

    @Test
    void codeThatStaysInvalidIsNotSynthesizedAgainForTheSameInputs() {
        service = service(
                request -> {
                    runs.incrementAndGet();
                    return new SynthesisResult(
                            Optional.empty(),
                            "m",
                            4,
                            10,
                            10,
                            Duration.ZERO,
                            List.of("Agent.java:1:1: error: nope"),
                            Optional.empty());
                },
                100);

        service.request(NEWS, "fp-1", request("news"));
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.contains(NEWS));
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(service.request(NEWS, "fp-1", request("news")))
                    .isInstanceOfSatisfying(
                            Finished.class,
                            finished -> assertThat(finished.result().errors())
                                    .containsExactly("Agent.java:1:1: error: nope"));
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void anUnavailableLlmIsRetriedWithExponentialBackoff() {
        service = service(
                request -> {
                    runs.incrementAndGet();
                    throw new SynthesisUnavailableException("connection refused", null);
                },
                100);

        service.request(NEWS, "fp-1", request("news"));
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.contains(NEWS));
        assertThat(service.request(NEWS, "fp-1", request("news")))
                .isEqualTo(new Unavailable("connection refused", 1, Duration.ofSeconds(10)));

        clock.advance(Duration.ofSeconds(10));
        woken.clear();
        assertThat(service.request(NEWS, "fp-1", request("news"))).isInstanceOf(Running.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.contains(NEWS));
        assertThat(service.request(NEWS, "fp-1", request("news")))
                .isEqualTo(new Unavailable("connection refused", 2, Duration.ofSeconds(20)));
        assertThat(runs).hasValue(2);
        assertThat(SynthesisService.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theNamespaceRateLimitDefersInsteadOfCallingTheLlm() {
        service = new SynthesisService(
                SynthesisServiceTest::success,
                new SynthesisRateLimit(1, Duration.ofMinutes(2), clock),
                4,
                woken::add,
                clock);

        assertThat(service.request(NEWS, "fp-1", request("news"))).isInstanceOf(Running.class);
        assertThat(service.request(new AgentKey("team-a", "other"), "fp-1", request("other")))
                .isEqualTo(new Deferred(Duration.ofMinutes(2)));
        assertThat(service.request(new AgentKey("team-b", "other"), "fp-1", request("other")))
                .isInstanceOf(Running.class);
    }

    @Test
    void twentyAgentsShareTheLlmWithoutWaitingForEachOther() {
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        service = new SynthesisService(
                request -> {
                    peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    Thread.sleep(200);
                    concurrent.decrementAndGet();
                    return success(request);
                },
                new SynthesisRateLimit(100, Duration.ofMinutes(1), clock),
                4,
                woken::add,
                clock);

        for (int i = 0; i < 20; i++) {
            assertThat(service.request(new AgentKey("team-a", "agent-" + i), "fp", request("agent-" + i)))
                    .isInstanceOf(Running.class);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> woken.size() == 20);
        assertThat(peak.get()).isBetween(2, 4);
    }

    @Test
    void forgettingAnAgentCancelsItsRun() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        service = service(
                request -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return success(request);
                },
                100);

        service.request(NEWS, "fp-1", request("news"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        service.forget(NEWS);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(woken).isEmpty();
    }

    private SynthesisService service(SynthesisService.Job job, int burst) {
        return new SynthesisService(
                job, new SynthesisRateLimit(burst, Duration.ofMinutes(1), clock), 4, woken::add, clock);
    }

    private static SynthesisRequest request(String instructions) {
        return Briefs.request("agent", instructions, ToolCatalog.of(List.of()), Optional.empty());
    }

    private static SynthesisResult success(SynthesisRequest request) {
        return new SynthesisResult(
                Optional.of("class Agent {} // " + request.instructions()),
                "m",
                1,
                10,
                10,
                Duration.ZERO,
                List.of(),
                Optional.empty());
    }
}
