package io.langop.operator.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.langop.api.v1alpha1.ToolReference;
import io.langop.api.v1alpha1.agent.EventTrigger;
import io.langop.api.v1alpha1.agent.EventTriggerType;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.agent.MailTrigger;
import io.langop.api.v1alpha1.tool.LanguageTool;
import io.langop.wire.AgentTriggers;
import io.langop.wire.MailTriggers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mail triggers ({@code type: mail}) seen from the email tool that reads the mailbox: the agent serves each as a
 * webhook ({@link AgentWebhooks}, at {@code /webhook/<source>}, langop's HMAC with the secret of Secret
 * {@code <agent>-webhooks}), and the tool is told in {@link MailTriggers#ENV} which folders to watch and where to post.
 * Each secret reaches the tool as a file of a projected volume of those Secrets ({@link MailTriggers#SECRETS_PATH}),
 * optional: the agent's Secret is made once the agent is written, which waits for the tool's catalog, which waits for
 * the tool's pod; and a recreated agent's new secret reaches the running tool. The operator never reads a secret. A
 * service-mode tool posts to every subscribed agent's Service; a sidecar posts to its own agent on localhost and keeps
 * its cursors in the agent's workspace, when there is one.
 */
public final class AgentMailTriggers {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
            .build()
            .writerFor(MailTriggers.class);

    /** The volume of the secrets; a sidecar's is suffixed with its tool's name, as an agent may carry several. */
    static final String SECRETS_VOLUME = "mail-trigger-secrets";

    /** Where a sidecar keeps its cursors, below the agent's workspace. */
    static final String SIDECAR_STATE_DIR = ".langop/mail-triggers";

    private AgentMailTriggers() {}

    private record Subscribed(LanguageAgent agent, AgentWebhooks.Served served) {}

    /**
     * What a tool container needs for its mail triggers: {@link MailTriggers#ENV} (and where to keep cursors), and the
     * volume of the secrets mounted at {@link MailTriggers#SECRETS_PATH}; nothing without triggers.
     */
    public record Wiring(List<EnvVar> env, Optional<Volume> secrets) {

        static final Wiring NONE = new Wiring(List.of(), Optional.empty());

        /** Adds the variables and the mount to {@code container} and the volume to the pod's {@code volumes}. */
        public void addTo(Container container, List<Volume> volumes) {
            container.getEnv().addAll(env);
            secrets.ifPresent(volume -> {
                container
                        .getVolumeMounts()
                        .add(new VolumeMountBuilder()
                                .withName(volume.getName())
                                .withMountPath(MailTriggers.SECRETS_PATH)
                                .withReadOnly(true)
                                .build());
                volumes.add(volume);
            });
        }
    }

    /** The tool's wiring for the agents (of any namespace; those subscribed are picked) that it serves as a Service. */
    public static Wiring service(LanguageTool tool, Collection<LanguageAgent> agents) {
        List<Subscribed> subscribed = agents.stream()
                .sorted(Comparator.comparing(
                                (LanguageAgent agent) -> agent.getMetadata().getNamespace())
                        .thenComparing(agent -> agent.getMetadata().getName()))
                .flatMap(agent -> naming(agent, tool).stream().map(served -> new Subscribed(agent, served)))
                .toList();
        return wiring(subscribed, SECRETS_VOLUME, AgentHttp::url, Optional.empty());
    }

    /** The wiring of {@code tool} as a sidecar of the plan's agent: the agent's own mail triggers naming it. */
    static Wiring sidecar(AgentPlan plan, LanguageTool tool) {
        LanguageAgent agent = plan.agent();
        List<Subscribed> subscribed = naming(agent, tool).stream()
                .map(served -> new Subscribed(agent, served))
                .toList();
        return wiring(
                subscribed,
                SECRETS_VOLUME + "-" + tool.getMetadata().getName(),
                own -> "http://localhost:" + AgentHttp.port(own),
                AgentPlan.hasWorkspace(agent)
                        ? Optional.of(plan.workspacePath() + "/" + SIDECAR_STATE_DIR)
                        : Optional.empty());
    }

    /**
     * What makes the agent's mail triggers unusable, named by {@code spec.eventTriggers[i]}: the schema's rule on the
     * {@code mail} field (checked again, since the in-process API server of the tests checks no schema rule), and a tool
     * that is not one of the agent's: it must be in the agent's namespace, since it reads the agent's Secret.
     */
    static List<String> problems(LanguageAgent agent) {
        List<EventTrigger> triggers =
                Objects.requireNonNullElse(agent.getSpec().getEventTriggers(), List.<EventTrigger>of());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            EventTrigger trigger = triggers.get(i);
            boolean isMail = trigger.getType() == EventTriggerType.MAIL;
            MailTrigger mail = trigger.getMail();
            if (isMail != (mail != null)) {
                problems.add("spec.eventTriggers[" + i + "]: " + EventTrigger.MAIL_FIELD);
            } else if (isMail && !references(agent, mail)) {
                problems.add("spec.eventTriggers[" + i + "].mail.tool: " + mail.getTool()
                        + " is none of spec.toolRefs in namespace "
                        + agent.getMetadata().getNamespace()
                        + " (a mail trigger's email tool is one of the agent's tools, in its namespace)");
            }
        }
        return problems;
    }

    /** The agent's mail triggers that {@code tool} serves, in spec order. */
    private static List<AgentWebhooks.Served> naming(LanguageAgent agent, LanguageTool tool) {
        if (!Objects.equals(
                agent.getMetadata().getNamespace(), tool.getMetadata().getNamespace())) {
            return List.of();
        }
        return AgentWebhooks.of(agent).stream()
                .filter(served -> served.trigger().getType() == EventTriggerType.MAIL
                        && served.trigger().getMail() != null)
                .filter(served -> tool.getMetadata()
                        .getName()
                        .equals(served.trigger().getMail().getTool()))
                .filter(served -> references(agent, served.trigger().getMail()))
                .toList();
    }

    private static boolean references(LanguageAgent agent, MailTrigger mail) {
        String namespace = agent.getMetadata().getNamespace();
        return Objects.requireNonNullElse(agent.getSpec().getToolRefs(), List.<ToolReference>of()).stream()
                .anyMatch(ref -> ref.getName().equals(mail.getTool())
                        && (ref.getNamespace() == null || ref.getNamespace().equals(namespace)));
    }

    /** {@link MailTriggers#ENV} and the projected volume of the secrets; none without subscriptions. */
    private static Wiring wiring(
            List<Subscribed> subscribed,
            String volumeName,
            Function<LanguageAgent, String> agentUrl,
            Optional<String> stateDir) {
        if (subscribed.isEmpty()) {
            return Wiring.NONE;
        }
        List<MailTriggers.Subscription> subscriptions = new ArrayList<>();
        List<VolumeProjection> secrets = new ArrayList<>();
        for (int i = 0; i < subscribed.size(); i++) {
            LanguageAgent agent = subscribed.get(i).agent();
            AgentWebhooks.Served served = subscribed.get(i).served();
            MailTrigger mail = served.trigger().getMail();
            subscriptions.add(new MailTriggers.Subscription(
                    agent.getMetadata().getNamespace() + "/"
                            + agent.getMetadata().getName(),
                    agentUrl.apply(agent) + AgentTriggers.PATH + "/" + served.name(),
                    Integer.toString(i),
                    mail.getFolder(),
                    mail.getFrom(),
                    mail.getSubject()));
            secrets.add(new VolumeProjectionBuilder()
                    .withNewSecret()
                    .withName(AgentWebhooks.secretName(agent))
                    .withOptional(true)
                    .addNewItem()
                    .withKey(served.secretKey())
                    .withPath(Integer.toString(i))
                    .endItem()
                    .endSecret()
                    .build());
        }
        List<EnvVar> env = new ArrayList<>();
        try {
            env.add(new EnvVarBuilder()
                    .withName(MailTriggers.ENV)
                    .withValue(JSON.writeValueAsString(new MailTriggers(subscriptions)))
                    .build());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("mail triggers cannot be written as JSON", impossible);
        }
        env.add(new EnvVar(MailTriggers.SECRETS_DIR_ENV, MailTriggers.SECRETS_PATH, null));
        stateDir.ifPresent(dir -> env.add(new EnvVar(MailTriggers.STATE_DIR_ENV, dir, null)));
        return new Wiring(
                env,
                Optional.of(new VolumeBuilder()
                        .withName(volumeName)
                        .withNewProjected()
                        .withSources(secrets)
                        .endProjected()
                        .build()));
    }
}
