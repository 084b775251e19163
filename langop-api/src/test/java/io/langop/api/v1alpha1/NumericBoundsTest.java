package io.langop.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.CustomResource;
import io.langop.api.v1alpha1.agent.LanguageAgent;
import io.langop.api.v1alpha1.client.LanguageClient;
import io.langop.api.v1alpha1.cluster.LanguageCluster;
import io.langop.api.v1alpha1.model.LanguageModel;
import io.langop.api.v1alpha1.persona.LanguagePersona;
import io.langop.api.v1alpha1.tool.LanguageTool;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number a user writes into a langop.io spec has a lower bound in the schema, so the API server refuses
 * a negative {@code maxIterations} (or port, or replica count) with a message naming the field; an upper
 * bound, where there is one, refuses too. The fields are found in the classes, not listed by hand, so a new
 * numeric field without {@code @Min} fails here. Numbers inside the Kubernetes types a spec embeds (probes,
 * affinity, volumes) are left to the API server's checks of the pods they end up in.
 */
class NumericBoundsTest {

    private static final List<Class<? extends CustomResource<?, ?>>> KINDS = List.of(
            LanguageAgent.class,
            LanguageModel.class,
            LanguageTool.class,
            LanguagePersona.class,
            LanguageClient.class,
            LanguageCluster.class);

    /** A number in the spec of {@code kind}, at {@code pointer} (list items at index 0). */
    record NumericField(String kind, String pointer, boolean integral) {
        @Override
        public String toString() {
            return kind + " " + pointer;
        }
    }

    static Stream<NumericField> numericFields() {
        List<NumericField> fields = new ArrayList<>();
        for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
            Type spec = ((ParameterizedType) kind.getGenericSuperclass()).getActualTypeArguments()[0];
            collect(kind.getSimpleName(), (Class<?>) spec, "/spec", fields);
        }
        assertThat(fields).as("numeric spec fields found").hasSizeGreaterThan(40);
        return fields.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericFields")
    void theSchemaRefusesANumberBelowTheMinimumAndAboveTheMaximum(NumericField field) {
        JsonNode schema = schemaAt(field);
        assertThat(schema.has("minimum"))
                .as("%s has a minimum (add @Min)", field)
                .isTrue();

        BigDecimal step = field.integral() ? BigDecimal.ONE : new BigDecimal("0.5");
        BigDecimal below = schema.get("minimum").decimalValue().subtract(step);
        assertThat(CrdSchemaValidator.violations(exampleWith(field, below)))
                .anySatisfy(
                        violation -> assertThat(violation).startsWith(field.pointer() + ": must have a minimum value"));
        if (schema.has("maximum")) {
            BigDecimal above = schema.get("maximum").decimalValue().add(step);
            assertThat(CrdSchemaValidator.violations(exampleWith(field, above)))
                    .anySatisfy(violation ->
                            assertThat(violation).startsWith(field.pointer() + ": must have a maximum value"));
        }
    }

    /** The first example of the kind, with {@code value} at the field, made where the example has no such place. */
    private static JsonNode exampleWith(NumericField field, BigDecimal value) {
        ObjectNode object = (ObjectNode) Examples.all().stream()
                .filter(document -> document.kind().equals(field.kind()))
                .findFirst()
                .orElseThrow()
                .object()
                .deepCopy();
        String[] steps = field.pointer().substring(1).split("/", -1);
        JsonNode node = object;
        for (int i = 0; i < steps.length - 1; i++) {
            boolean nextIsItem = steps[i + 1].equals("0");
            node = child(node, steps[i], nextIsItem);
        }
        String last = steps[steps.length - 1];
        if (node instanceof ArrayNode items) {
            items.removeAll();
            items.add(field.integral() ? value.longValueExact() : value.doubleValue());
        } else {
            ObjectNode parent = (ObjectNode) node;
            if (field.integral()) {
                parent.put(last, value.longValueExact());
            } else {
                parent.put(last, value.doubleValue());
            }
        }
        return object;
    }

    private static JsonNode child(JsonNode node, String step, boolean isList) {
        if (node instanceof ArrayNode items) {
            if (items.isEmpty() || !items.get(0).isObject()) {
                items.removeAll();
                items.addObject();
            }
            return items.get(0);
        }
        ObjectNode parent = (ObjectNode) node;
        JsonNode existing = parent.get(step);
        if (isList) {
            return existing instanceof ArrayNode ? existing : parent.putArray(step);
        }
        return existing instanceof ObjectNode ? existing : parent.putObject(step);
    }

    private static JsonNode schemaAt(NumericField field) {
        JsonNode schema = GeneratedCrds.openApiSchema(field.kind());
        for (String step : field.pointer().substring(1).split("/", -1)) {
            schema = step.equals("0")
                    ? schema.path("items")
                    : schema.path("properties").path(step);
        }
        return schema;
    }

    /** The numeric fields of a langop.io class and of the langop.io classes it holds, as JSON pointers. */
    private static void collect(String kind, Class<?> type, String pointer, List<NumericField> out) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                JsonProperty renamed = field.getAnnotation(JsonProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : field.getName();
                collectValue(kind, field.getGenericType(), pointer + "/" + name, out);
            }
        }
    }

    private static void collectValue(String kind, Type type, String pointer, List<NumericField> out) {
        if (type instanceof ParameterizedType generic
                && generic.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw)) {
            collectValue(kind, generic.getActualTypeArguments()[0], pointer + "/0", out);
        } else if (type instanceof Class<?> c && Number.class.isAssignableFrom(c)) {
            boolean integral = c == Integer.class || c == Long.class || c == Short.class;
            out.add(new NumericField(kind, pointer, integral));
        } else if (type instanceof Class<?> c
                && !c.isEnum()
                && c.getPackageName().startsWith(LangopApi.class.getPackageName())) {
            collect(kind, c, pointer, out);
        }
    }
}
