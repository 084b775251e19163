package io.langop.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code x-kubernetes-validations} CEL rules of a CRD, evaluated the way the API server does after defaulting:
 * each rule sees its own node as {@code self}, and a rule that is false or fails to evaluate refuses the object with
 * its message. Transition rules ({@code oldSelf}) are not used by langop's CRDs and are reported as not evaluable.
 */
public final class ValidationRules {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.legacyCelRuntimeBuilder().build();
    /** Compiled once per expression: the same CRDs are checked on every write. */
    private static final Map<String, Program> PROGRAMS = new ConcurrentHashMap<>();

    /** A rule as found in a CRD, with the JSON pointer of the schema node it sits on. */
    public record Rule(String path, String expression, String message) {}

    private ValidationRules() {}

    /** Every rule the (defaulted) object breaks. */
    static List<FieldError> violations(JsonNode schema, JsonNode defaulted) {
        List<FieldError> violations = new ArrayList<>();
        check(schema, defaulted, "", violations);
        return violations;
    }

    /** Every rule of a schema, wherever it is nested. */
    public static List<Rule> in(JsonNode schema) {
        List<Rule> rules = new ArrayList<>();
        collect(schema, "", rules);
        return rules;
    }

    /** Compiles a rule; throws with the compiler's diagnostics if it is not valid CEL. */
    public static CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        return COMPILER.compile(expression).getAst();
    }

    private static Program program(String expression) throws CelValidationException, CelEvaluationException {
        Program program = PROGRAMS.get(expression);
        if (program == null) {
            program = RUNTIME.createProgram(compile(expression));
            PROGRAMS.put(expression, program);
        }
        return program;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<FieldError> out) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String expression = rule.get("rule").asText();
            String reason = rule.path("reason").asText(FieldError.INVALID);
            try {
                Object result = program(expression).eval(Map.of("self", toCel(value)));
                if (!Boolean.TRUE.equals(result)) {
                    out.add(new FieldError(path, reason, rule.path("message").asText(expression)));
                }
            } catch (CelValidationException | CelEvaluationException e) {
                out.add(new FieldError(
                        path, FieldError.INVALID, "rule '" + expression + "' cannot be evaluated: " + e.getMessage()));
            }
        }
        if (value.isObject()) {
            for (var property : schema.path("properties").properties()) {
                JsonNode child = value.get(property.getKey());
                if (child != null) {
                    check(property.getValue(), child, path + "/" + property.getKey(), out);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "/" + i, out);
            }
        }
    }

    private static void collect(JsonNode schema, String path, List<Rule> out) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            out.add(new Rule(
                    path, rule.get("rule").asText(), rule.path("message").asText()));
        }
        for (var property : schema.path("properties").properties()) {
            collect(property.getValue(), path + "/" + property.getKey(), out);
        }
        if (schema.has("items")) {
            collect(schema.get("items"), path + "/items", out);
        }
    }

    /** JSON as CEL sees it: maps, lists, int64, double, string, bool. */
    private static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
