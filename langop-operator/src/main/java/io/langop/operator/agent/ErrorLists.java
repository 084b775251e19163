package io.langop.operator.agent;

import java.util.List;

/** Diagnostics as the agent's status and conditions carry them: bounded, and summed up for a person. */
final class ErrorLists {

    /** Status stays readable, and far below the object size limit, whatever the compiler says. */
    private static final int MAX_ERRORS = 10;

    private static final int MAX_ERROR_LENGTH = 400;

    private ErrorLists() {}

    static List<String> bounded(List<String> errors) {
        return errors.stream()
                .limit(MAX_ERRORS)
                .map(error -> error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) + "…" : error)
                .toList();
    }

    /**
     * A condition (and event) message a person can read: how many problems and the first one in full
     * (bounded). The bounded list of a synthesis is in {@code status.synthesis.lastErrors}; for brought
     * code, {@code langop validate} prints every problem.
     */
    static String summary(List<String> errors, String where) {
        if (errors.isEmpty()) {
            return where + " was refused";
        }
        String first = errors.getFirst();
        return errors.size() == 1
                ? where + " has 1 problem: " + first
                : where + " has " + errors.size() + " problems, the first: " + first;
    }
}
