package io.langop.operator.dashboard;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.langop.api.v1alpha1.LangopApi;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.operator.kube.Labels;
import io.langop.wire.ObjectNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What the dashboard may do, in the cluster's namespace only: read (get, list, watch) the langop.io kinds, Events
 * and Pods, read the Pods' logs, and get the ConfigMaps that hold the code of the cluster's agents, by name ({@code
 * <agent>-code}, {@code <agent>-good-code} and a {@code spec.codeRef}), which show the code version that runs and
 * the one before. Nothing else: no Secrets, no other ConfigMaps, no writes.
 */
@KubernetesDependent(informer = @Informer(labelSelector = DashboardObjects.SELECTOR))
public class DashboardRole extends CRUDKubernetesDependentResource<Role, LanguageCluster> {

    /** The workflow context key of the cluster's agents, set by the cluster's reconciler. */
    public static final String AGENTS = DashboardRole.class.getName() + ".agents";

    static final List<String> READ = List.of("get", "list", "watch");
    static final List<String> LANGOP_KINDS = List.of(
            "languageagents",
            "languageclients",
            "languageclusters",
            "languagemodels",
            "languagepersonas",
            "languagetools");

    @Override
    protected Role desired(LanguageCluster cluster, Context<LanguageCluster> context) {
        @SuppressWarnings("unchecked")
        Collection<LanguageAgent> agents =
                context.managedWorkflowAndDependentResourceContext().getMandatory(AGENTS, Collection.class);
        return of(cluster, agents);
    }

    static Role of(LanguageCluster cluster, Collection<LanguageAgent> agents) {
        return new RoleBuilder()
                .withMetadata(DashboardObjects.metadata(cluster))
                .withRules(rules(agents))
                .build();
    }

    static List<PolicyRule> rules(Collection<LanguageAgent> agents) {
        List<PolicyRule> rules = new ArrayList<>();
        rules.add(new PolicyRuleBuilder()
                .withApiGroups(LangopApi.GROUP)
                .withResources(LANGOP_KINDS)
                .withVerbs(READ)
                .build());
        rules.add(new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("events", "pods")
                .withVerbs(READ)
                .build());
        // a log is only ever read (following it is a get too)
        rules.add(new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("pods/log")
                .withVerbs("get")
                .build());
        List<String> code = codeConfigMaps(agents);
        // an empty resourceNames would grant every ConfigMap: without agents there is no rule at all
        if (!code.isEmpty()) {
            rules.add(new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources("configmaps")
                    .withResourceNames(code)
                    .withVerbs("get")
                    .build());
        }
        return rules;
    }

    /** Sorted, so the Role stays the same whatever order the informer lists the agents in. */
    static List<String> codeConfigMaps(Collection<LanguageAgent> agents) {
        TreeSet<String> names = new TreeSet<>();
        for (LanguageAgent agent : agents) {
            names.add(Labels.name(agent, ObjectNames.CODE_ROLE));
            names.add(Labels.name(agent, ObjectNames.GOOD_CODE_ROLE));
            if (agent.getSpec() != null && agent.getSpec().getCodeRef() != null) {
                names.add(agent.getSpec().getCodeRef().getName());
            }
        }
        return List.copyOf(names);
    }
}
