package io.langop.sdk.workflow;

import java.util.List;
import java.util.function.Predicate;

/**
 * One node of a workflow.
 *
 * @param condition decides, from the results of the step's dependencies, whether the step runs;
 *     a skipped step has no result and its dependents are skipped too
 */
public record Step(String name, StepAction action, List<String> dependsOn, Predicate<StepResults> condition) {

    public Step {
        dependsOn = List.copyOf(dependsOn);
    }
}
