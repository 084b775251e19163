package io.langop.trace;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes of langop's spans: OpenTelemetry's semantic conventions where one exists (GenAI, MCP, HTTP,
 * errors), {@code langop.*} for the rest. One list, so that a dashboard query written against one process's spans
 * works against the others'.
 */
public final class TraceAttributes {

    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    public static final AttributeKey<String> AGENT = AttributeKey.stringKey("langop.agent");
    public static final AttributeKey<String> RUN = AttributeKey.stringKey("langop.run");
    public static final AttributeKey<String> RUN_OUTCOME = AttributeKey.stringKey("langop.run.outcome");
    public static final AttributeKey<String> STEP = AttributeKey.stringKey("langop.step");
    public static final AttributeKey<String> TRIGGER = AttributeKey.stringKey("langop.trigger");

    /**
     * A forwarded trigger's delivery: the trigger's type ({@code kubernetes-event}, {@code schedule}, {@code mail}) and
     * how many HTTP attempts it took.
     */
    public static final AttributeKey<String> TRIGGER_TYPE = AttributeKey.stringKey("langop.trigger.type");

    public static final AttributeKey<Long> TRIGGER_ATTEMPTS = AttributeKey.longKey("langop.trigger.attempts");

    /** CloudEvents conventions: the event a span sends. */
    public static final AttributeKey<String> CLOUDEVENTS_ID = AttributeKey.stringKey("cloudevents.event_id");

    public static final AttributeKey<String> CLOUDEVENTS_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    /** GenAI conventions: {@code chat} for a model call, {@code execute_tool} for a tool call. */
    public static final AttributeKey<String> GEN_AI_OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

    public static final AttributeKey<String> GEN_AI_REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    public static final AttributeKey<Long> GEN_AI_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> GEN_AI_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    public static final AttributeKey<String> GEN_AI_TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");

    /** MCP conventions. */
    public static final AttributeKey<String> MCP_METHOD = AttributeKey.stringKey("mcp.method.name");

    public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    public static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    public static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    /** HTTP conventions: on a request sent again, how many times it was sent before (1 on the second attempt). */
    public static final AttributeKey<Long> HTTP_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");

    public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    /** The model proxy: which client asked, and the number of an attempt on an upstream (1 for the first). */
    public static final AttributeKey<String> PROXY_CLIENT = AttributeKey.stringKey("langop.proxy.client");

    public static final AttributeKey<Long> PROXY_ATTEMPT = AttributeKey.longKey("langop.proxy.attempt");

    /** The operator: the kind and the object a reconcile or a synthesis is about. */
    public static final AttributeKey<String> K8S_KIND = AttributeKey.stringKey("langop.k8s.kind");

    public static final AttributeKey<String> K8S_NAMESPACE = AttributeKey.stringKey("k8s.namespace.name");
    public static final AttributeKey<String> K8S_NAME = AttributeKey.stringKey("langop.k8s.name");

    private TraceAttributes() {}
}
