package io.langop.console.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langop.api.clientconfig.ClientConfig;
import io.langop.console.ConsoleConfigFile;
import io.langop.console.auth.User;
import io.langop.console.chat.ChatRefusal;
import io.langop.wire.AgentApprovals;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides an agent's pending tool calls for a console user, through the agent's approval endpoint
 * ({@link AgentApprovals}) and the agent's approval token. The operator hands the console that token from the agent's
 * Secret in the variable client.json names ({@code approvalTokenEnv}); it goes to the agent only, never to a browser,
 * a log or an error message.
 *
 * <p>Who may decide: a user who signed in (an API key or an OIDC identity, recorded by the agent as the decider),
 * for an agent whose token the console holds. Guests never: the decision must name someone. Whoever may use the
 * client's console with an identity may thus approve its agents' tool calls; a client for people who must not is
 * one without the agents' tokens.
 */
public final class ApprovalDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDesk.class);
    private static final ObjectMapper JSON = ConsoleConfigFile.json();
    private static final Pattern APPROVAL_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The agent's decision: its HTTP status (200 decided, 404 unknown, 409 already decided) and its JSON. */
    public record Decision(int status, JsonNode body) {}

    /** Where an agent's approvals are and the token they take; toString leaves the token out. */
    private record Endpoint(URI approvals, String token) {

        /** A request to {@code path} under the agent's approvals, with its token. */
        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(approvals.resolve(path))
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token);
        }

        @Override
        public String toString() {
            return approvals.toString();
        }
    }

    private final Map<String, Endpoint> agents = new HashMap<>();
    private final HttpClient http;

    public ApprovalDesk(ClientConfig config, UnaryOperator<String> variables, HttpClient http) {
        this.http = http;
        for (ClientConfig.Agent agent : config.agents()) {
            if (agent.approvalTokenEnv() == null || agent.mode() != ClientConfig.AgentMode.CHAT) {
                continue;
            }
            String token = variables.apply(agent.approvalTokenEnv());
            if (token == null || token.isBlank()) {
                LOG.warn(
                        "the approval token of agent {} ({}) is not set: its tool calls cannot be decided here",
                        agent.name(),
                        agent.approvalTokenEnv());
                continue;
            }
            String root = agent.url().endsWith("/")
                    ? agent.url().substring(0, agent.url().length() - 1)
                    : agent.url();
            agents.put(agent.name(), new Endpoint(URI.create(root + AgentApprovals.PATH + "/"), token.strip()));
        }
    }

    /** Whether {@code user} may approve or deny the tool calls of the agent {@code target}. */
    public boolean mayDecide(User user, String target) {
        return !user.isAnonymous() && agents.containsKey(target);
    }

    /**
     * Approves or denies one approval of an agent, recording {@code user} as the one who decided.
     *
     * @throws ChatRefusal when the user may not decide, the id is malformed, or the agent cannot be reached or
     *     refuses the console's token
     */
    public Decision decide(User user, String target, String approvalId, boolean approve) throws IOException {
        if (!mayDecide(user, target)) {
            throw new ChatRefusal(
                    403,
                    "not_allowed",
                    user.isAnonymous()
                            ? "Sign in to approve or deny tool calls."
                            : "Tool calls of " + target + " cannot be decided in this console.");
        }
        if (!APPROVAL_ID.matcher(approvalId).matches()) {
            throw new ChatRefusal(400, "invalid_request", "That is not an approval's id.");
        }
        Endpoint agent = agents.get(target);
        HttpResponse<String> response;
        try {
            response = http.send(
                    agent.request(approvalId + "/" + (approve ? AgentApprovals.APPROVE : AgentApprovals.DENY))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    JSON.createObjectNode().put("by", user.id()).toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw ChatRefusal.unreachable(target, unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatRefusal(503, "shutting_down", "the console is stopping");
        }
        JsonNode body = parse(response.body());
        return switch (response.statusCode()) {
            case 200, 404, 409 -> {
                LOG.info(
                        "{} {} approval {} of agent {}: HTTP {}",
                        user.id(),
                        approve ? "approved" : "denied",
                        approvalId,
                        target,
                        response.statusCode());
                yield new Decision(response.statusCode(), body);
            }
            default -> {
                LOG.warn("agent {} refused the console's approval request: HTTP {}", target, response.statusCode());
                throw new ChatRefusal(
                        502, "upstream_error", target + " refused the decision (HTTP " + response.statusCode() + ").");
            }
        };
    }

    /**
     * The agent's approvals as its endpoint lists them now, by id, pending and recently decided ones; empty when the
     * console holds no token of that agent or the agent cannot be reached now (logged). A page that is loaded again
     * shows the approvals its answers waited for as they are now.
     */
    public Optional<Map<String, JsonNode>> current(String target) {
        Endpoint agent = agents.get(target);
        if (agent == null) {
            return Optional.empty();
        }
        HttpResponse<String> response;
        try {
            response = http.send(agent.request("").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            LOG.warn("the approvals of agent {} cannot be listed: {}", target, unreachable.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            LOG.warn("agent {} refused to list its approvals to the console: HTTP {}", target, response.statusCode());
            return Optional.empty();
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode approval : parse(response.body()).path(AgentApprovals.LIST_FIELD)) {
            byId.put(approval.path(AgentApprovals.ID).asText(), approval);
        }
        return Optional.of(byId);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return JSON.createObjectNode();
        }
    }
}
