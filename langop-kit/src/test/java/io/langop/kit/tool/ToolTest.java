package io.langop.kit.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolTest {

    private static final ToolHandler ECHO =
            args -> ToolResult.success(args.asMap().toString());

    private final Tool search = Tool.builder("web_search")
            .description("Search the web")
            .param(Param.string("query").required().description("The search query"))
            .param(Param.integer("max_results").defaultValue(5).validate(Validator.range(1, 20)))
            .param(Param.string("engine").oneOf("duckduckgo", "searxng").defaultValue("duckduckgo"))
            .param(Param.bool("safe").defaultValue(true))
            .param(Param.number("temperature"))
            .param(Param.string("url").validate(Validator.url()))
            .param(Param.string("notify").validate(Validator.email()))
            .param(Param.array("tags", ParamType.STRING))
            .param(Param.object("filters"))
            .handler(ECHO)
            .build();

    @Test
    void inputSchemaIsGeneratedFromTheDeclaration() {
        assertThat(search.inputSchema())
                .isEqualTo(Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                                "query", Map.of("type", "string", "description", "The search query"),
                                "max_results", Map.of("type", "integer", "default", 5L, "minimum", 1L, "maximum", 20L),
                                "engine",
                                        Map.of(
                                                "type",
                                                "string",
                                                "enum",
                                                List.of("duckduckgo", "searxng"),
                                                "default",
                                                "duckduckgo"),
                                "safe", Map.of("type", "boolean", "default", true),
                                "temperature", Map.of("type", "number"),
                                "url", Map.of("type", "string", "format", "uri"),
                                "notify", Map.of("type", "string", "format", "email"),
                                "tags", Map.of("type", "array", "items", Map.of("type", "string")),
                                "filters", Map.of("type", "object")),
                        "required",
                        List.of("query"),
                        "additionalProperties",
                        false));
    }

    @Test
    void schemaOmitsRequiredWhenNothingIsRequired() {
        Tool tool = Tool.builder("config")
                .description("Show the configuration")
                .handler(ECHO)
                .build();
        assertThat(tool.inputSchema())
                .isEqualTo(Map.of("type", "object", "properties", Map.of(), "additionalProperties", false));
    }

    @Test
    void defaultsAreAppliedToAbsentAndNullParameters() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("query", "java");
        raw.put("safe", null);

        ToolArguments args = bound(search.bind(raw));

        assertThat(args.string("query")).isEqualTo("java");
        assertThat(args.integer("max_results")).isEqualTo(5);
        assertThat(args.string("engine")).isEqualTo("duckduckgo");
        assertThat(args.bool("safe")).isTrue();
        assertThat(args.has("temperature")).isFalse();
        assertThat(args.optionalString("url")).isEmpty();
    }

    @Test
    void valuesAreCoercedToTheDeclaredType() {
        ToolArguments args = bound(search.bind(Map.of(
                "query", 42,
                "max_results", "10",
                "safe", "FALSE",
                "temperature", "0.5",
                "tags", List.of("a", 7))));

        assertThat(args.string("query")).isEqualTo("42");
        assertThat(args.integer("max_results")).isEqualTo(10);
        assertThat(args.bool("safe")).isFalse();
        assertThat(args.number("temperature")).isEqualTo(0.5);
        assertThat(args.list("tags")).containsExactly("a", "7");
        assertThat(bound(search.bind(Map.of("query", "q", "max_results", 3.0))).integer("max_results"))
                .isEqualTo(3);
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        assertThat(problems(search.bind(Map.of()))).containsExactly("Missing required parameter 'query'");
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedWithTheParameterName() {
        assertThat(problems(search.bind(Map.of("query", "q", "max_results", "ten"))))
                .containsExactly("Invalid parameter 'max_results': expected an integer, got \"ten\"");
        assertThat(problems(search.bind(Map.of("query", "q", "max_results", 2.5))))
                .containsExactly("Invalid parameter 'max_results': expected an integer, got 2.5");
        assertThat(problems(search.bind(Map.of("query", List.of("a")))))
                .containsExactly("Invalid parameter 'query': expected a string, got an array");
        assertThat(problems(search.bind(Map.of("query", "q", "safe", "yes"))))
                .containsExactly("Invalid parameter 'safe': expected a boolean, got \"yes\"");
        assertThat(problems(search.bind(Map.of("query", "q", "tags", List.of("a", Map.of())))))
                .containsExactly("Invalid parameter 'tags': item 1: expected a string, got an object");
        assertThat(problems(search.bind(Map.of("query", "q", "filters", "x"))))
                .containsExactly("Invalid parameter 'filters': expected an object, got \"x\"");
    }

    @Test
    void enumAndValidatorsAreCheckedAfterCoercion() {
        assertThat(problems(search.bind(Map.of("query", "q", "engine", "bing"))))
                .containsExactly("Invalid parameter 'engine': must be one of [duckduckgo, searxng], got \"bing\"");
        assertThat(problems(search.bind(Map.of("query", "q", "max_results", "50"))))
                .containsExactly("Invalid parameter 'max_results': must be between 1 and 20, got 50");
        assertThat(problems(search.bind(Map.of("query", "q", "url", "ftp://example.com/x"))))
                .containsExactly("Invalid parameter 'url': must be an http or https URL, got \"ftp://example.com/x\"");
        assertThat(problems(search.bind(Map.of("query", "q", "notify", "bob@@example"))))
                .containsExactly(
                        "Invalid parameter 'notify': must be an e-mail address like name@example.com, got \"bob@@example\"");
        assertThat(bound(search.bind(Map.of(
                                "query",
                                "q",
                                "url",
                                "https://example.com/a?b=c",
                                "notify",
                                "bob.smith+x@mail.example.org")))
                        .string("url"))
                .isEqualTo("https://example.com/a?b=c");
    }

    @Test
    void everyProblemIsReportedAtOnceIncludingUnknownParameters() {
        Tool.Binding binding = search.bind(Map.of("max_results", "x", "colour", "red"));

        assertThat(problems(binding))
                .containsExactly(
                        "Missing required parameter 'query'",
                        "Invalid parameter 'max_results': expected an integer, got \"x\"",
                        "Unknown parameter 'colour' (accepted: query, max_results, engine, safe, temperature, url, notify, tags, filters)");
        assertThat(((Tool.Binding.Rejected) binding).message())
                .startsWith("Missing required parameter 'query'; Invalid parameter 'max_results'");
    }

    @Test
    void customValidatorsAndPatternsExplainThemselves() {
        Tool tool = Tool.builder("t")
                .description("d")
                .param(Param.string("day")
                        .validate(Validator.of(v -> v.toString().endsWith("day"), "be a weekday")))
                .param(Param.string("code").validate(Validator.pattern("[A-Z]{3}")))
                .handler(ECHO)
                .build();

        assertThat(problems(tool.bind(Map.of("day", "never", "code", "abc"))))
                .containsExactly(
                        "Invalid parameter 'day': must be a weekday, got \"never\"",
                        "Invalid parameter 'code': must match the pattern [A-Z]{3}, got \"abc\"");
        assertThat(((Map<?, ?>) ((Map<?, ?>) tool.inputSchema().get("properties")).get("code")).get("pattern"))
                .isEqualTo("[A-Z]{3}");
    }

    @Test
    void inconsistentDeclarationsFailWhenDeclared() {
        assertThatThrownBy(() -> Param.integer("n").defaultValue("many"))
                .hasMessage("parameter 'n': default value expected an integer, got \"many\"");
        assertThatThrownBy(() -> Param.string("q").required().defaultValue("x"))
                .hasMessage("parameter 'q' is required, so it cannot have a default");
        assertThatThrownBy(() -> Param.string("q").defaultValue("x").required())
                .hasMessage("parameter 'q' has a default, so it cannot be required");
        assertThatThrownBy(() -> Param.string("bad name"))
                .hasMessageStartingWith("parameter name 'bad name' must start with");
        assertThatThrownBy(() -> Tool.builder("t")
                        .description("d")
                        .param(Param.string("a"))
                        .param(Param.integer("a"))
                        .handler(ECHO)
                        .build())
                .hasMessage("tool 't' declares parameter 'a' twice");
        assertThatThrownBy(() -> Tool.builder("t")
                        .description("d")
                        .param(Param.integer("n").defaultValue(0).validate(Validator.range(1, 5)))
                        .handler(ECHO)
                        .build())
                .hasMessage("tool 't', parameter 'n': default must be between 1 and 5, got 0");
        assertThatThrownBy(() ->
                        Tool.builder("has space").description("d").handler(ECHO).build())
                .hasMessageContaining("tool name 'has space'");
        assertThatThrownBy(() -> Tool.builder("t").handler(ECHO).build()).hasMessageContaining("needs a description");
    }

    @Test
    void anOutputShapeBecomesTheOutputSchemaWithOptionalFieldsLeftOutOfRequired() {
        Tool fetch = Tool.builder("web_fetch")
                .description("Fetch a page")
                .output(Shape.object()
                        .field("url", Shape.string("The URL that answered"))
                        .field("status", Shape.integer(null), "HTTP status")
                        .field("ok", Shape.bool("Whether it was 2xx"))
                        .field("score", Shape.number("Relevance"))
                        .optionalField("tags", Shape.listOf(Shape.string(null)), "Labels, when any")
                        .field("headers", Shape.mapOf(Shape.string(null)), "By name"))
                .handler(ECHO)
                .build();

        assertThat(fetch.outputSchema())
                .contains(Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                                "url", Map.of("type", "string", "description", "The URL that answered"),
                                "status", Map.of("type", "integer", "description", "HTTP status"),
                                "ok", Map.of("type", "boolean", "description", "Whether it was 2xx"),
                                "score", Map.of("type", "number", "description", "Relevance"),
                                "tags",
                                        Map.of(
                                                "type",
                                                "array",
                                                "items",
                                                Map.of("type", "string"),
                                                "description",
                                                "Labels, when any"),
                                "headers",
                                        Map.of(
                                                "type",
                                                "object",
                                                "additionalProperties",
                                                Map.of("type", "string"),
                                                "description",
                                                "By name")),
                        "required",
                        List.of("url", "status", "ok", "score", "headers")));
        assertThat(search.outputSchema()).isEmpty();
    }

    @Test
    void outputFieldsMustBeUsableInPlaceholdersAndUnique() {
        assertThatThrownBy(() -> Shape.object().field("first name", Shape.string(null)))
                .hasMessageStartingWith("field name 'first name' must start with a letter or _");
        assertThatThrownBy(() -> Shape.object().field("a", Shape.string(null)).field("a", Shape.integer(null)))
                .hasMessage("field 'a' is declared twice");
        assertThatThrownBy(() -> new ToolResult("Error: no", true, Map.of("a", 1)))
                .hasMessage("an error result carries text only");
    }

    private static ToolArguments bound(Tool.Binding binding) {
        assertThat(binding).isInstanceOf(Tool.Binding.Bound.class);
        return ((Tool.Binding.Bound) binding).arguments();
    }

    private static List<String> problems(Tool.Binding binding) {
        assertThat(binding).isInstanceOf(Tool.Binding.Rejected.class);
        return ((Tool.Binding.Rejected) binding).problems();
    }
}
