package io.langop.fields;

import io.fabric8.kubernetes.client.CustomResource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.lang.reflect.ParameterizedType;

/** The kinds of the langop.io API and their Java classes. */
enum Kind {
    LanguageCluster(LanguageCluster.class),
    LanguageModel(LanguageModel.class),
    LanguageTool(LanguageTool.class),
    LanguagePersona(LanguagePersona.class),
    LanguageAgent(LanguageAgent.class),
    LanguageClient(LanguageClient.class);

    private final Class<? extends CustomResource<?, ?>> resource;

    Kind(Class<? extends CustomResource<?, ?>> resource) {
        this.resource = resource;
    }

    Class<?> resourceClass() {
        return resource;
    }

    Class<?> specClass() {
        return typeArgument(0);
    }

    Class<?> statusClass() {
        return typeArgument(1);
    }

    private Class<?> typeArgument(int index) {
        return (Class<?>) ((ParameterizedType) resource.getGenericSuperclass()).getActualTypeArguments()[index];
    }
}
