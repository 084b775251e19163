package io.langop.agent.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.sdk.approval.Approval;
import io.langop.sdk.approval.Approvals;
import io.langop.wire.AgentApprovals;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval endpoints ({@link AgentApprovals}): {@code GET /approvals} lists the agent's approvals, {@code POST
 * /approvals/{id}/approve|deny} decides one. Every request needs {@code Authorization: Bearer <token>} with the
 * agent's approval token; without a token configured, every request is refused, since nobody could be told apart
 * from anybody.
 */
public final class ApprovalsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalsServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final transient Approvals approvals;
    private final transient Optional<byte[]> token;

    public ApprovalsServlet(Approvals approvals, Optional<String> token) {
        this.approvals = approvals;
        this.token = token.map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorized(request, response)) {
            return;
        }
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        if (!path.equals("/")) {
            send(response, 404, error("unknown path " + request.getRequestURI()));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        var items = body.putArray(AgentApprovals.LIST_FIELD);
        approvals.list().forEach(approval -> items.add(toJson(approval)));
        send(response, 200, body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authorized(request, response)) {
            return;
        }
        String[] parts = Optional.ofNullable(request.getPathInfo()).orElse("/").split("/", -1);
        boolean approve = parts.length == 3 && parts[2].equals(AgentApprovals.APPROVE);
        if (parts.length != 3 || !(approve || parts[2].equals(AgentApprovals.DENY))) {
            send(response, 404, error("POST " + AgentApprovals.PATH + "/{id}/approve or /{id}/deny"));
            return;
        }
        byte[] raw = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (raw.length > MAX_BODY_BYTES) {
            send(response, 413, error("the body is larger than 16 KiB"));
            return;
        }
        JsonNode body;
        try {
            body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException malformed) {
            send(response, 400, error("the body is not JSON: give {\"by\": ..., \"reason\": ...} or nothing"));
            return;
        }
        try {
            Approval decided = approvals.decide(parts[1], approve, text(body, "by", 200), text(body, "reason", 2000));
            send(response, 200, toJson(decided));
        } catch (NoSuchElementException unknown) {
            send(response, 404, error(unknown.getMessage()));
        } catch (IllegalStateException decided) {
            send(response, 409, error(decided.getMessage()));
        }
    }

    private boolean authorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (token.isEmpty()) {
            send(response, 403, error("approvals cannot be decided here: the agent has no approval token"));
            return false;
        }
        String header = request.getHeader("Authorization");
        byte[] offered = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(offered, token.get())) {
            LOG.warn("Approval request refused: {} token", header == null ? "no" : "a wrong");
            response.setHeader("WWW-Authenticate", "Bearer");
            send(response, 401, error("a valid approval token is required (Authorization: Bearer ...)"));
            return false;
        }
        return true;
    }

    /** A field of the decision, bounded: it reaches the log and the list. */
    private static String text(JsonNode body, String field, int max) {
        String value = body.path(field).asText("");
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** An approval as the endpoints and a waiting chat answer show it (its arguments already redacted). */
    public static ObjectNode toJson(Approval approval) {
        ObjectNode json = JSON.createObjectNode()
                .put(AgentApprovals.ID, approval.id())
                .put("tool", approval.tool())
                .put("state", approval.state().name().toLowerCase(Locale.ROOT))
                .put("requestedBy", approval.requestedBy())
                .put("requestedAt", approval.requestedAt().toString())
                .put("deadline", approval.deadline().toString());
        json.set("arguments", approval.arguments());
        approval.decidedBy().ifPresent(by -> json.put("decidedBy", by));
        approval.reason().ifPresent(reason -> json.put("reason", reason));
        approval.decidedAt().ifPresent(at -> json.put("decidedAt", at.toString()));
        return json;
    }

    private static ObjectNode error(String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message);
        return body;
    }

    private static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("utf-8");
        response.getWriter().write(body.toString());
    }
}
