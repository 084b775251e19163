package io.langop.operator.client;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.langop.api.v1alpha1.client.ClientPhase;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.client.LanguageClientSpec;
import io.langop.api.v1alpha1.client.LanguageClientStatus;
import io.langop.operator.kube.Conditions;
import io.langop.operator.kube.StatusUpdates;
import io.langop.operator.kube.Workloads;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a LanguageClient and says so in its status. The client's own workload (Deployment,
 * Service, Ingress) is not run by this version of the operator; the status says that too, with a
 * phase from the CRD's enum, so nothing is retried forever.
 */
@ControllerConfiguration(name = "languageclient")
public class LanguageClientReconciler implements Reconciler<LanguageClient> {

  static final String NOT_RUN = "validated; this operator version does not run client workloads yet";

  @Override
  public UpdateControl<LanguageClient> reconcile(LanguageClient client, Context<LanguageClient> context) {
    LanguageClientStatus status = Workloads.copy(client.getStatus(), LanguageClientStatus.class, LanguageClientStatus::new);
    Conditions conditions = new Conditions(status.getConditions(), client.getMetadata().getGeneration());
    List<String> problems = problems(client.getSpec());
    if (problems.isEmpty()) {
      conditions.set(Conditions.VALID, true, "Valid", "spec is valid");
      conditions.set(Conditions.READY, false, "WorkloadNotRun", NOT_RUN);
      status.setPhase(ClientPhase.PENDING);
      status.setReason("WorkloadNotRun");
      status.setMessage(NOT_RUN);
    } else {
      String message = String.join("; ", problems);
      conditions.set(Conditions.VALID, false, "InvalidSpec", message);
      conditions.set(Conditions.READY, false, "InvalidSpec", message);
      status.setPhase(ClientPhase.FAILED);
      status.setReason("InvalidSpec");
      status.setMessage(message);
    }
    status.setConditions(conditions.build());
    return StatusUpdates.patchIfChanged(client, status);
  }

  static List<String> problems(LanguageClientSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      return List.of("spec is missing");
    }
    if (spec.getImage() == null || spec.getImage().isBlank()) {
      problems.add("spec.image is required");
    }
    if (spec.getModelRefs() == null || spec.getModelRefs().isEmpty()) {
      problems.add("spec.modelRefs needs at least one model");
    }
    if (spec.getPort() != null && (spec.getPort() < 1 || spec.getPort() > 65535)) {
      problems.add("spec.port must be between 1 and 65535");
    }
    var ingress = spec.getIngress();
    if (ingress != null && Boolean.TRUE.equals(ingress.getEnabled())
        && (ingress.getHosts() == null || ingress.getHosts().isEmpty())) {
      problems.add("spec.ingress.hosts needs a host when the ingress is enabled");
    }
    return problems;
  }
}
