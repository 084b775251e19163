package io.langop.sdk.agent;

import io.langop.wire.CronJobSchedules;

/**
 * When a scheduled agent runs: a schedule in the dialect of Kubernetes CronJobs (five fields, minute
 * hour day-of-month month day-of-week, with lists, ranges, steps and month and day names; or a
 * descriptor such as {@code @daily}). The operator turns it into a CronJob, so it is checked as the API
 * server checks a CronJob: a bad schedule fails when the agent is defined, not when the CronJob is
 * created.
 */
public record CronSchedule(String expression) {

    public CronSchedule {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("invalid cron expression: empty");
        }
        expression = expression.strip();
        String checked = expression;
        CronJobSchedules.problem(checked).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid cron expression '" + checked + "': " + problem);
        });
    }

    @Override
    public String toString() {
        return expression;
    }
}
