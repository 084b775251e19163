package io.langop.operator.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.langop.api.v1alpha1.LangopApi;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jackson module of the operator's client. A langop.io object whose spec this operator cannot read — a
 * field its version of the API does not know (the CRD is newer than the operator, or the API server does
 * not prune), a value of the wrong type — is read with {@code spec} left out (null) instead of failing.
 * Without it, one such object failed the list or watch that carried it, which stopped the informer of its
 * kind and with it the whole operator (JOSDK exits the process when an informer stops). Reconcilers take a
 * missing spec for what it is and ask {@link UnreadableSpecs} why, so the object alone is marked Failed.
 *
 * <p>The spec is all or nothing: a reconciler never acts on part of what the user asked for. The status,
 * which the operator writes itself, is read without the fields that cannot be read (those of a newer
 * operator), since the next status write replaces it whole.
 */
final class UnreadableSpecModule extends SimpleModule {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableSpecModule.class);

    /** @param mapper the mapper this module is registered on, which reads the spec and status trees */
    UnreadableSpecModule(ObjectMapper mapper) {
        super(UnreadableSpecModule.class.getSimpleName());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                if (!isLangopResource(description.getBeanClass())) {
                    return deserializer;
                }
                JavaType[] specAndStatus = description.getType().findTypeParameters(CustomResource.class);
                return new SpecTolerantDeserializer(deserializer, mapper, specAndStatus[0], specAndStatus[1]);
            }
        });
    }

    static boolean isLangopResource(Class<?> type) {
        return CustomResource.class.isAssignableFrom(type)
                && LangopApi.GROUP.equals(HasMetadata.getGroup(type.asSubclass(HasMetadata.class)));
    }

    /**
     * Reads the object without spec and status through the framework's own deserializer, then each of the
     * two from its tree.
     */
    private static final class SpecTolerantDeserializer extends DelegatingDeserializer {

        private final ObjectMapper mapper;
        private final JavaType specType;
        private final JavaType statusType;

        SpecTolerantDeserializer(
                JsonDeserializer<?> delegatee, ObjectMapper mapper, JavaType specType, JavaType statusType) {
            super(delegatee);
            this.mapper = mapper;
            this.specType = specType;
            this.statusType = statusType;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegatee) {
            return new SpecTolerantDeserializer(delegatee, mapper, specType, statusType);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (!(tree instanceof ObjectNode object)) {
                return readWithDelegatee(tree, parser, context); // fails as it always did: no object at all
            }
            ObjectNode rest = object.objectNode();
            object.properties().forEach(field -> {
                if (!field.getKey().equals("spec") && !field.getKey().equals("status")) {
                    rest.set(field.getKey(), field.getValue());
                }
            });
            @SuppressWarnings("unchecked")
            CustomResource<Object, Object> resource =
                    (CustomResource<Object, Object>) readWithDelegatee(rest, parser, context);
            JsonNode spec = object.get("spec");
            if (spec != null && !spec.isNull()) {
                LenientTreeReader.Result<Object> read =
                        LenientTreeReader.read(mapper.readerFor(specType), spec, "spec");
                if (read.problems().isEmpty()) {
                    resource.setSpec(read.value());
                } else {
                    LOG.debug("{} {}: spec left out: {}", resource.getKind(), name(resource), read.problems());
                }
            }
            JsonNode status = object.get("status");
            if (status != null && !status.isNull()) {
                LenientTreeReader.Result<Object> read =
                        LenientTreeReader.read(mapper.readerFor(statusType), status, "status");
                resource.setStatus(read.value());
                if (!read.problems().isEmpty()) {
                    LOG.debug("{} {}: status read without {}", resource.getKind(), name(resource), read.problems());
                }
            }
            return resource;
        }

        private Object readWithDelegatee(JsonNode tree, JsonParser parser, DeserializationContext context)
                throws IOException {
            try (JsonParser treeParser = tree.traverse(parser.getCodec())) {
                treeParser.nextToken();
                return _delegatee.deserialize(treeParser, context);
            }
        }

        private static String name(HasMetadata resource) {
            return resource.getMetadata() == null
                    ? "(no metadata)"
                    : resource.getMetadata().getNamespace() + "/"
                            + resource.getMetadata().getName();
        }
    }
}
