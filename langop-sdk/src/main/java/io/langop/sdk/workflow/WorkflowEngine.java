package io.langop.sdk.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.langop.trace.SpanScope;
import io.langop.trace.TraceAttributes;
import io.langop.trace.Traces;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a workflow: each step starts, on its own virtual thread, as soon as all its dependencies have
 * finished, so independent steps run in parallel. The first failure stops every step that has not
 * started yet and is rethrown once the running ones have finished; interrupting the caller (timeout,
 * SIGTERM) interrupts the running steps.
 */
public final class WorkflowEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

    private final StepExecutor executor;
    private final Clock clock;

    public WorkflowEngine(StepExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /** Runs every step; {@code inputs} (such as the {@code event} payload) are visible to every step. */
    public WorkflowResult run(Workflow workflow, Map<String, JsonNode> inputs) throws InterruptedException {
        ZonedDateTime startedAt = ZonedDateTime.now(clock);
        Map<String, StepResult> results = new ConcurrentHashMap<>();
        List<String> completed = Collections.synchronizedList(new ArrayList<>());
        List<String> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Context runContext = Context.current(); // each step's span is a child of the run's

        Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Step step : workflow.executionOrder()) {
                CompletableFuture<?>[] dependencies =
                        step.dependsOn().stream().map(futures::get).toArray(CompletableFuture[]::new);
                futures.put(
                        step.name(),
                        CompletableFuture.allOf(dependencies)
                                .thenRunAsync(
                                        () -> {
                                            if (firstFailure.get() != null) {
                                                return;
                                            }
                                            if (logContext != null) {
                                                MDC.setContextMap(logContext);
                                            }
                                            try (var ignored = MDC.putCloseable("step", step.name());
                                                    Scope run = runContext.makeCurrent()) {
                                                if (step.dependsOn().stream().anyMatch(skipped::contains)) {
                                                    LOG.info("Skipping step: a dependency was skipped");
                                                    skipped.add(step.name());
                                                    return;
                                                }
                                                StepResults visible = visibleTo(workflow, step, results, inputs);
                                                if (!step.condition().test(visible)) {
                                                    LOG.info("Skipping step: condition is false");
                                                    skipped.add(step.name());
                                                    return;
                                                }
                                                long start = System.nanoTime();
                                                results.put(step.name(), traced(step, visible, startedAt));
                                                completed.add(step.name());
                                                LOG.info(
                                                        "Step completed in {} ms",
                                                        (System.nanoTime() - start) / 1_000_000);
                                            } catch (RuntimeException | Error failure) {
                                                RuntimeException wrapped = failure instanceof StepFailedException known
                                                        ? known
                                                        : new StepFailedException(step.name(), failure);
                                                firstFailure.compareAndSet(null, wrapped);
                                                throw wrapped;
                                            }
                                        },
                                        threads));
            }
            try {
                CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
                        .get();
            } catch (ExecutionException failed) {
                throw firstFailure.get() != null ? firstFailure.get() : new CompletionException(failed.getCause());
            } catch (InterruptedException interrupted) {
                threads.shutdownNow();
                throw interrupted;
            }
        }
        return new WorkflowResult(StepResults.of(results), completed, skipped);
    }

    /** A step as a span of its own, the parent of the tool or model calls it makes. */
    private StepResult traced(Step step, StepResults visible, ZonedDateTime startedAt) {
        try (SpanScope span = SpanScope.start(Traces.span("step " + step.name(), SpanKind.INTERNAL)
                .setAttribute(TraceAttributes.STEP, step.name()))) {
            try {
                return execute(step, visible, startedAt);
            } catch (RuntimeException | Error failure) {
                span.fail(failure);
                throw failure;
            }
        }
    }

    private StepResult execute(Step step, StepResults visible, ZonedDateTime startedAt) {
        try {
            return switch (step.action()) {
                case StepAction.CallTool call -> {
                    Map<String, Object> arguments = new LinkedHashMap<>();
                    call.params()
                            .forEach((key, value) -> arguments.put(
                                    key,
                                    value instanceof String template
                                            ? Placeholders.fill(template, visible, startedAt)
                                            : value));
                    LOG.info("Calling tool {}", call.tool());
                    yield executor.callTool(call.tool(), arguments);
                }
                case StepAction.Prompt prompt ->
                    StepResult.ofText(
                            executor.prompt(Placeholders.fill(prompt.template(), visible, startedAt), prompt.tools()));
                case StepAction.Custom custom ->
                    StepResult.of(StepResults.toJson(custom.logic().apply(visible)));
            };
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StepFailedException(step.name(), interrupted);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new StepFailedException(step.name(), failure);
        }
    }

    /** Only the step's own ancestors are visible, so a step never races a step it does not wait for. */
    private static StepResults visibleTo(
            Workflow workflow, Step step, Map<String, StepResult> results, Map<String, JsonNode> inputs) {
        Map<String, StepResult> visible = new LinkedHashMap<>();
        inputs.forEach((name, value) -> visible.put(name, StepResult.of(value)));
        for (String ancestor : workflow.ancestorsOf(step.name())) {
            StepResult result = results.get(ancestor);
            if (result != null) {
                visible.put(ancestor, result);
            }
        }
        return StepResults.of(visible);
    }
}
