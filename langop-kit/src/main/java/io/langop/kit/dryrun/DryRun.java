package io.langop.kit.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.kit.check.CheckResult;
import io.langop.sdk.agent.AgentDefinition;
import io.langop.sdk.agent.LangopAgent;
import io.langop.sdk.agent.Workspace;
import io.langop.sdk.memory.Memory;
import io.langop.sdk.workflow.Placeholders;
import io.langop.sdk.workflow.Step;
import io.langop.sdk.workflow.StepAction;
import io.langop.sdk.workflow.StepFailedException;
import io.langop.sdk.workflow.WorkflowEngine;
import io.langop.sdk.workflow.WorkflowResult;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run of checked agent code on stand-ins ({@link StandInExecutor}): loads the compiled classes, calls
 * {@code define()}, runs the workflow with the SDK's own engine — placeholders filled, conditions evaluated,
 * custom steps run on data shaped like the tools' answers — and writes the output file into a scratch
 * workspace, which also holds the agent's memory (empty, as on a first run). Meant for a process of its own ({@link DryRunMain}): the code is loaded here, so this must never
 * run inside the operator, and the process is what bounds the time it takes.
 */
public final class DryRun {

    private DryRun() {}

    public static DryRunReport run(DryRunRequest request, Path workspace) {
        AgentDefinition agent;
        try {
            agent = define(request);
        } catch (Exception | LinkageError failure) {
            return DryRunReport.failed("define() failed: " + describe(failure, request));
        }
        if (agent.workflow().isEmpty()) {
            return new DryRunReport(
                    true,
                    "define() returned; the agent has no workflow (its objectives go to the LLM), so nothing more"
                            + " to run",
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    0,
                    0);
        }
        Workspace.use(workspace);
        // state between runs starts empty, as on an agent's first run, and is thrown away with the workspace
        Memory.use(Memory.inWorkspace(workspace));
        StandInExecutor standIns = new StandInExecutor(request.tools());
        Map<String, JsonNode> inputs = standInEvent(agent)
                .<Map<String, JsonNode>>map(event -> Map.of(Placeholders.EVENT, event))
                .orElse(Map.of());
        Clock clock = Clock.systemUTC();
        ZonedDateTime startedAt = ZonedDateTime.now(clock);
        WorkflowResult result;
        try {
            result = new WorkflowEngine(standIns, clock).run(agent.workflow(), inputs);
        } catch (StepFailedException failure) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return new DryRunReport(
                    false,
                    "step '" + failure.step() + "' failed: " + describe(cause, request),
                    Optional.of(failure.step()),
                    List.of(),
                    List.of(),
                    standIns.toolCalls(),
                    standIns.prompts());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return DryRunReport.failed("interrupted");
        } catch (RuntimeException failure) {
            return DryRunReport.failed("the workflow failed: " + describe(failure, request));
        }
        try {
            Optional<Path> output = agent.output().resolve(workspace, startedAt);
            if (output.isPresent()) {
                Files.createDirectories(output.get().getParent());
                Files.writeString(output.get(), result.finalText());
            }
        } catch (Exception failure) {
            return DryRunReport.failed("writing the output failed: " + describe(failure, request));
        }
        return new DryRunReport(
                true,
                "ran " + result.completedOrder().size() + " step(s)"
                        + (result.skipped().isEmpty() ? "" : ", skipped " + result.skipped()) + " with "
                        + standIns.toolCalls() + " tool call(s) and " + standIns.prompts()
                        + " LLM step(s) answered by stand-ins",
                Optional.empty(),
                result.completedOrder(),
                result.skipped(),
                standIns.toolCalls(),
                standIns.prompts());
    }

    private static AgentDefinition define(DryRunRequest request) throws Exception {
        ClassLoader classes = new CheckResult(List.of(), request.classes(), Optional.of(request.agentClassName()))
                .classLoader(DryRun.class.getClassLoader());
        try {
            return classes.loadClass(request.agentClassName())
                    .asSubclass(LangopAgent.class)
                    .getDeclaredConstructor()
                    .newInstance()
                    .define();
        } catch (InvocationTargetException thrown) {
            throw thrown.getCause() instanceof Exception cause ? cause : thrown;
        }
    }

    /**
     * The payload of an event-driven run, as far as the workflow reads it: every {@code {event.a.b}} its
     * templates name, with a sample text. Empty when no template names the event.
     */
    static Optional<JsonNode> standInEvent(AgentDefinition agent) {
        List<String> paths = new ArrayList<>();
        boolean named = false;
        for (String template : templates(agent)) {
            for (Placeholders.Reference reference : Placeholders.references(template)) {
                if (reference.name().equals(Placeholders.EVENT)) {
                    named = true;
                    if (!reference.field().isEmpty()) {
                        paths.add(reference.field());
                    }
                }
            }
        }
        if (!named) {
            return Optional.empty();
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        paths.forEach(path -> put(event, Arrays.asList(path.split("\\."))));
        return Optional.of(event);
    }

    private static List<String> templates(AgentDefinition agent) {
        List<String> templates = new ArrayList<>();
        for (Step step : agent.workflow().steps()) {
            switch (step.action()) {
                case StepAction.CallTool call ->
                    call.params().values().stream()
                            .filter(String.class::isInstance)
                            .map(String.class::cast)
                            .forEach(templates::add);
                case StepAction.Prompt prompt -> templates.add(prompt.template());
                case StepAction.Custom ignored -> {}
            }
        }
        agent.output().workspacePath().ifPresent(templates::add);
        return templates;
    }

    /** Sets {@code path} in {@code node} to a sample text, creating objects and arrays on the way. */
    private static void put(JsonNode node, List<String> path) {
        String segment = path.getFirst();
        boolean last = path.size() == 1;
        boolean nextIsIndex = !last && path.get(1).chars().allMatch(Character::isDigit);
        if (node instanceof ObjectNode object) {
            if (last) {
                if (!object.has(segment)) {
                    object.put(segment, segment + " 1");
                }
                return;
            }
            JsonNode child = object.get(segment);
            if (child == null || child.isValueNode()) {
                child = nextIsIndex ? object.putArray(segment) : object.putObject(segment);
            }
            put(child, path.subList(1, path.size()));
        } else if (node instanceof ArrayNode array) {
            int index = Integer.parseInt(segment);
            while (array.size() <= index) {
                if (last) {
                    array.add("item " + (array.size() + 1));
                } else if (nextIsIndex) {
                    array.addArray();
                } else {
                    array.addObject();
                }
            }
            if (!last) {
                put(array.get(index), path.subList(1, path.size()));
            }
        }
    }

    /**
     * {@code NumberFormatException: For input string: "x" (at Agent.java:31)}: the failure and the
     * line of the agent's code it came from, which a repair round needs to find it.
     */
    static String describe(Throwable failure, DryRunRequest request) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return Stream.of(root.getStackTrace())
                .filter(frame -> request.classes().containsKey(frame.getClassName()))
                .findFirst()
                .map(frame -> what + " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .orElse(what);
    }
}
