package io.langop.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.util.List;

/** The six kinds of the langop.io API that this operator reconciles. */
public final class LangopKinds {

    public static final List<Class<? extends HasMetadata>> ALL = List.of(
            LanguageCluster.class,
            LanguageModel.class,
            LanguageTool.class,
            LanguagePersona.class,
            LanguageAgent.class,
            LanguageClient.class);

    private LangopKinds() {}
}
