package io.langop.console.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langop.api.v1alpha1.client.UiConfig;
import io.langop.console.approval.ApprovalDesk;
import io.langop.console.auth.Access;
import io.langop.console.auth.User;
import io.langop.console.chat.ChatTarget;
import io.langop.console.chat.ChatTargets;
import io.langop.console.chat.Conversation;
import io.langop.console.chat.ConversationStore;
import io.langop.wire.ToolCallEvents;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /}: the chat page of the signed-in user, continuing their latest conversation ({@link PageTurns}: its
 * turns, tool calls and approvals as they are now), or the sign-in page. A
 * browser that may stay anonymous gets a session of its own, so its history is its own too. The page loads only
 * the console's own files: its Content-Security-Policy lets nothing else run.
 */
public final class PageServlet extends HttpServlet {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' https: data:; connect-src 'self'; form-action 'self' https:; base-uri 'none';"
            + " frame-ancestors 'none'";

    private final Pages pages;
    private final ChatTargets targets;
    private final ConversationStore conversations;
    private final Access access;
    private final ApprovalDesk approvals;

    public PageServlet(
            UiConfig ui, ChatTargets targets, ConversationStore conversations, Access access, ApprovalDesk approvals) {
        this.approvals = approvals;
        this.pages = new Pages(ui);
        this.targets = targets;
        this.conversations = conversations;
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.equals("/") && !path.isEmpty()) {
            response.sendError(404);
            return;
        }
        secure(response);
        Optional<User> user = access.user(request);
        if (user.isEmpty() && access.anonymousAllowed()) {
            User guest = User.anonymous(UUID.randomUUID().toString());
            access.cookie().write(response, access.sessions().open(guest));
            user = Optional.of(guest);
        }
        response.setContentType("text/html;charset=utf-8");
        if (user.isEmpty()) {
            response.getWriter()
                    .write(pages.signIn(access.offersApiKeys(), access.oidcProviders(), signInError(request)));
            return;
        }
        Optional<Conversation> latest = conversations.latest(user.get().id());
        String target = latest.map(Conversation::target)
                .filter(id -> targets.find(id).isPresent())
                .orElse(targets.all().isEmpty() ? "" : targets.all().getFirst().id());
        response.getWriter()
                .write(pages.chat(
                        user.get(),
                        targets.all(),
                        target,
                        state(latest, target, user.get()).toString()));
    }

    private ObjectNode state(Optional<Conversation> latest, String target, User user) {
        ObjectNode state = OpenAiJson.mapper().createObjectNode();
        state.put(
                "conversation",
                latest.map(Conversation::id).orElseGet(() -> UUID.randomUUID().toString()));
        state.put("target", target);
        state.put("showTimestamps", pages.showTimestamps());
        ObjectNode labels = state.putObject("labels");
        for (ChatTarget each : targets.all()) {
            labels.put(each.id(), each.label());
        }
        if (pages.showToolUsage()) {
            // where the agent's chunks carry a tool call's report: the page reads it from the chunks it is passed
            state.put("toolCallField", ToolCallEvents.CHUNK_FIELD);
        }
        state.set(
                "turns",
                latest.map(conversation -> PageTurns.of(conversation, user, approvals, pages.showToolUsage()))
                        .orElseGet(() -> OpenAiJson.mapper().createArrayNode()));
        return state;
    }

    /** What the sign-in page says after a failed sign-in ({@link io.langop.console.auth.SignInServlet}'s redirect). */
    public static String signInError(HttpServletRequest request) {
        String error = request.getParameter("error");
        if (error == null) {
            return null;
        }
        return switch (error) {
            case "key" -> "That API key is not valid here.";
            case "oidc" -> "The sign-in did not complete. Try again.";
            default -> "The sign-in failed.";
        };
    }

    public static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }
}
