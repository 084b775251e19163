package io.langop.cli;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.langop.agent.cli.LangopSubcommand;
import io.langop.api.batch.CronJobRuns;
import io.langop.api.v1alpha1.agent.ExecutionMode;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code langop run agent NAME}: a scheduled agent's run, now, as {@code kubectl create job --from=cronjob/...}
 * does it: a Job of the CronJob's job template, owned by the CronJob.
 */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = "Run a scheduled agent now, outside its schedule: a Job from its CronJob's template.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run started",
            "2:invalid command line, or the agent is not scheduled",
            "3:no such agent, or it has no CronJob yet",
            "4:the API server cannot be reached or refused"
        })
public final class RunAgentCommand extends ClusterCommand implements LangopSubcommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Parameters(index = "0", paramLabel = "NAME", description = "The scheduled agent.")
    String name;

    /** Under {@code langop run}, beside running an agent's source file. */
    @Override
    public Optional<String> parent() {
        return Optional.of("run");
    }

    @Override
    CliExit run(KubernetesClient client, String namespace) {
        AgentObjects objects = new AgentObjects(client, namespace, name);
        LanguageAgent agent = objects.agent();
        if (agent.getSpec().getExecutionMode() != ExecutionMode.SCHEDULED) {
            throw new CliFailure(
                    CliExit.USAGE,
                    "agent " + name + " is " + Output.enumValue(agent.getSpec().getExecutionMode())
                            + ", not scheduled: it runs by itself"
                            + (agent.getSpec().getExecutionMode() == ExecutionMode.INTERACTIVE
                                    ? " (langop chat agent " + name + ")"
                                    : ""));
        }
        CronJob cronJob = client.batch()
                .v1()
                .cronjobs()
                .inNamespace(namespace)
                .withName(objects.workloadName())
                .get();
        if (cronJob == null) {
            throw new CliFailure(
                    CliExit.NOT_FOUND,
                    "agent " + name + " has no CronJob yet (langop describe agent " + name + " -n " + namespace
                            + " says why)");
        }
        Job job = client.resource(CronJobRuns.manual(
                        cronJob,
                        cronJob.getMetadata().getName() + "-run-"
                                + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP)))
                .create();
        out().printf(
                        "started Job %s/%s; langop logs agent %s -n %s -f follows it%n",
                        namespace, job.getMetadata().getName(), name, namespace);
        out().flush();
        return CliExit.SUCCESS;
    }
}
