package io.langop.operator.dashboard;

import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.langop.api.v1alpha1.cluster.DashboardOidc;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.operator.cluster.IsolationEnabled;
import io.langop.operator.egress.EgressRules;
import io.langop.operator.kube.Owners;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * NetworkPolicy {@code <cluster>-dashboard}: the ways out of the cluster's isolation the dashboard needs, to the API
 * server it watches and, with {@code spec.dashboard.oidc}, to the issuer people sign in at. The API server is rarely a pod (a managed control plane, a host network process), so it is
 * named by the addresses and ports of its endpoints ({@code default/kubernetes}), read on each reconcile; the
 * cluster's reconciler comes back on the DNS refresh interval, so a moved API server is followed. Only while the
 * cluster is isolated: without isolation nothing blocks the dashboard. Shares the isolation policy's informer.
 */
public class DashboardEgressPolicy extends CRUDKubernetesDependentResource<NetworkPolicy, LanguageCluster> {

    static final String API_SERVER_NAMESPACE = "default";
    static final String API_SERVER_SERVICE = "kubernetes";
    /** The workflow context's key of the way to the OIDC issuer ({@link #toIssuer}), which the reconciler resolves. */
    public static final String ISSUER = "dashboard-issuer";

    private static final EgressRules.Resolved NOWHERE = new EgressRules.Resolved(List.of(), List.of());

    @Override
    protected NetworkPolicy desired(LanguageCluster cluster, Context<LanguageCluster> context) {
        return of(
                cluster,
                apiServer(context.getClient()),
                context.managedWorkflowAndDependentResourceContext()
                        .get(ISSUER, EgressRules.Resolved.class)
                        .orElse(NOWHERE)
                        .rules());
    }

    /**
     * The way to {@code spec.dashboard.oidc.issuer} (discovery, keys and tokens are fetched from there): its host's
     * addresses on its port, resolved as a {@code to.dns} rule is. An issuer inside the cluster resolves to a Service's
     * virtual address, which NetworkPolicies do not match: such an issuer belongs in the cluster's egress rules as a
     * {@code to.service}.
     */
    public static EgressRules.Resolved toIssuer(LanguageCluster cluster, EgressRules egressRules) {
        DashboardOidc oidc = DashboardObjects.spec(cluster).getOidc();
        if (oidc == null || oidc.getIssuer() == null) {
            return NOWHERE;
        }
        URI issuer = URI.create(oidc.getIssuer()); // the CRD's pattern holds it to an http(s) URL
        int port = issuer.getPort() >= 0 ? issuer.getPort() : "https".equalsIgnoreCase(issuer.getScheme()) ? 443 : 80;
        return egressRules.toHost(issuer.getHost(), port, "the dashboard's OIDC issuer " + issuer.getHost());
    }

    @Override
    protected Optional<NetworkPolicy> selectTargetSecondaryResource(
            Set<NetworkPolicy> policies, LanguageCluster cluster, Context<LanguageCluster> context) {
        return Owners.ownedNamed(policies, DashboardObjects.name(cluster), cluster);
    }

    static NetworkPolicy of(LanguageCluster cluster, Endpoints apiServer, List<NetworkPolicyEgressRule> toIssuer) {
        List<NetworkPolicyEgressRule> egress = new ArrayList<>(egress(apiServer));
        egress.addAll(toIssuer);
        return new NetworkPolicyBuilder()
                .withMetadata(DashboardObjects.metadata(cluster))
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(DashboardDeployment.podSelector(cluster))
                .endPodSelector()
                .withPolicyTypes("Egress")
                .withEgress(egress)
                .endSpec()
                .build();
    }

    /** One rule per subset of the endpoints: its addresses, sorted, on its ports; none when it cannot be read. */
    static List<NetworkPolicyEgressRule> egress(Endpoints apiServer) {
        if (apiServer == null || apiServer.getSubsets() == null) {
            return List.of();
        }
        return apiServer.getSubsets().stream()
                .filter(subset ->
                        subset.getAddresses() != null && !subset.getAddresses().isEmpty())
                .map(DashboardEgressPolicy::rule)
                .toList();
    }

    private static NetworkPolicyEgressRule rule(EndpointSubset subset) {
        TreeSet<String> addresses = new TreeSet<>();
        subset.getAddresses().forEach(address -> addresses.add(address.getIp()));
        List<NetworkPolicyPeer> peers = addresses.stream()
                .map(ip -> new NetworkPolicyPeerBuilder()
                        .withNewIpBlock()
                        .withCidr(ip + (ip.contains(":") ? "/128" : "/32"))
                        .endIpBlock()
                        .build())
                .toList();
        List<NetworkPolicyPort> ports = Objects.requireNonNullElse(subset.getPorts(), List.<EndpointPort>of()).stream()
                .map(port -> new NetworkPolicyPortBuilder()
                        .withProtocol(Objects.requireNonNullElse(port.getProtocol(), "TCP"))
                        .withPort(new IntOrString(port.getPort()))
                        .build())
                .toList();
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(peers)
                .withPorts(ports)
                .build();
    }

    private static Endpoints apiServer(KubernetesClient client) {
        return client.endpoints()
                .inNamespace(API_SERVER_NAMESPACE)
                .withName(API_SERVER_SERVICE)
                .get();
    }

    /** The dashboard runs in a cluster whose isolation would keep it from the API server. */
    public static class Needed implements Condition<NetworkPolicy, LanguageCluster> {
        @Override
        public boolean isMet(
                DependentResource<NetworkPolicy, LanguageCluster> dependent,
                LanguageCluster cluster,
                Context<LanguageCluster> context) {
            return DashboardObjects.enabled(context) && IsolationEnabled.isEnabled(cluster);
        }
    }
}
