package io.langop.operator.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.model.LanguageModelStatus;
import io.langop.api.v1alpha1.model.ModelPhase;
import io.langop.operator.agent.Fixtures;
import io.langop.operator.crd.CrdInstaller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The indexed store answers exactly as fabric8's own CRUD server: the same script of creates,
 * conflicts, updates, patches, status writes, selector lists, watches and deletes runs against both
 * and must tell the same story.
 */
class IndexedCrudDispatcherTest {

    @Test
    void answersLikeTheStockCrudServer() {
        List<String> stock;
        try (MockApiServer api = MockApiServer.startStock()) {
            stock = script(api.client());
        }
        List<String> indexed;
        try (MockApiServer api = MockApiServer.startEmpty()) {
            indexed = script(api.client());
        }
        assertThat(indexed).isEqualTo(stock);
        // the script really exercised what it claims to
        assertThat(indexed)
                .contains(
                        "create a again -> 409",
                        "stale update -> 409",
                        "get after delete -> 404",
                        "status write kept generation 1",
                        "watch saw [ADDED a, MODIFIED a, MODIFIED a, DELETED a, ADDED a, DELETED a]");
    }

    /** What a client sees, with the values that differ between any two servers (uids, times) left out. */
    private static List<String> script(KubernetesClient client) {
        List<String> story = new ArrayList<>();
        new CrdInstaller(client).install();
        for (String ns : List.of("one", "two")) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .create();
        }
        List<String> events = new CopyOnWriteArrayList<>();
        Watch watch = client.configMaps().inNamespace("one").withName("a").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {}
        });

        // same name in two namespaces, and a second type with the same name
        client.configMaps().resource(configMap("one", "a", "x", "1")).create();
        client.configMaps().resource(configMap("two", "a", "x", "2")).create();
        client.secrets()
                .inNamespace("one")
                .resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                        .withNewMetadata()
                        .withName("a")
                        .withNamespace("one")
                        .endMetadata()
                        .build())
                .create();
        story.add("one/a -> "
                + client.configMaps().inNamespace("one").withName("a").get().getData());
        story.add("two/a -> "
                + client.configMaps().inNamespace("two").withName("a").get().getData());
        story.add("create a again -> "
                + code(() -> client.configMaps()
                        .resource(configMap("one", "a", "x", "3"))
                        .create()));
        story.add("get missing -> "
                + (client.configMaps().inNamespace("one").withName("missing").get() == null ? "404" : "found"));
        story.add("namespace two -> "
                + client.namespaces().withName("two").get().getMetadata().getName());

        // optimistic concurrency
        ConfigMap stale = client.configMaps().inNamespace("one").withName("a").get();
        client.configMaps().inNamespace("one").withName("a").edit(cm -> {
            cm.setData(Map.of("x", "4"));
            return cm;
        });
        stale.setData(Map.of("x", "5"));
        story.add("stale update -> "
                + code(() -> client.configMaps().resource(stale).update()));
        story.add("after edit -> "
                + client.configMaps().inNamespace("one").withName("a").get().getData());

        // merge and JSON patches, then selectors
        client.configMaps()
                .inNamespace("one")
                .withName("a")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"team\":\"blue\"}}}");
        client.configMaps()
                .inNamespace("two")
                .withName("a")
                .patch(
                        PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"team\":\"red\"}}]");
        story.add("blue everywhere -> "
                + names(client.configMaps()
                        .inAnyNamespace()
                        .withLabel("team", "blue")
                        .list()
                        .getItems()));
        story.add("not blue in two -> "
                + names(client.configMaps()
                        .inNamespace("two")
                        .withoutLabel("team", "blue")
                        .list()
                        .getItems()));
        story.add("all in one -> "
                + names(client.configMaps().inNamespace("one").list().getItems()));

        // status subresource: the spec write drops status, the status write keeps spec and generation
        LanguageModel model = Fixtures.model("one", "m");
        LanguageModelStatus status = new LanguageModelStatus();
        status.setPhase(ModelPhase.READY);
        model.setStatus(status);
        LanguageModel created = client.resource(model).create();
        story.add("status on create -> " + created.getStatus());
        created.setStatus(status);
        client.resource(created).patchStatus();
        LanguageModel stored = client.resources(LanguageModel.class)
                .inNamespace("one")
                .withName("m")
                .get();
        story.add("status -> " + stored.getStatus().getPhase() + ", model "
                + stored.getSpec().getModelName());
        story.add("status write kept generation " + stored.getMetadata().getGeneration());

        // deletion and re-creation under the same name
        client.configMaps().inNamespace("one").withName("a").delete();
        story.add("get after delete -> "
                + (client.configMaps().inNamespace("one").withName("a").get() == null ? "404" : "found"));
        story.add("other namespace kept -> "
                + client.configMaps().inNamespace("two").withName("a").get().getData());
        story.add("secret kept -> "
                + (client.secrets().inNamespace("one").withName("a").get() != null));
        client.configMaps().resource(configMap("one", "a", "x", "6")).create();
        story.add("recreated -> "
                + client.configMaps().inNamespace("one").withName("a").get().getData());
        client.configMaps().inNamespace("one").withName("a").delete();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 6);
        watch.close();
        story.add("watch saw " + events);
        return story;
    }

    private static ConfigMap configMap(String namespace, String name, String key, String value) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withData(Map.of(key, value))
                .build();
    }

    private static String code(Supplier<?> request) {
        try {
            var unused = request.get();
            return "200";
        } catch (KubernetesClientException e) {
            return String.valueOf(e.getCode());
        }
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream()
                .map(i -> i.getMetadata().getNamespace() + "/" + i.getMetadata().getName())
                .sorted()
                .toList();
    }
}
