package io.langop.console.web;

import io.langop.console.approval.ApprovalDesk;
import io.langop.console.auth.Access;
import io.langop.console.auth.User;
import io.langop.console.chat.ChatRefusal;
import io.langop.wire.AgentApprovals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /api/approvals/{agent}/{approval id}/approve} (or {@code /deny}): the page's buttons on a tool call that
 * waits for a person. The answer is the agent's approval as decided (200), or an error: the user may not decide
 * (403), the approval is unknown (404) or was decided already (409).
 */
public final class ApprovalApiServlet extends CorsServlet {

    private final ApprovalDesk desk;
    private final Access access;

    public ApprovalApiServlet(ApprovalDesk desk, Access access, CorsPolicy cors) {
        super(cors);
        this.desk = desk;
        this.access = access;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = Optional.ofNullable(request.getPathInfo()).orElse("").split("/", -1);
        if (parts.length != 4 || !(parts[3].equals(AgentApprovals.APPROVE) || parts[3].equals(AgentApprovals.DENY))) {
            response.sendError(404);
            return;
        }
        Optional<User> user = access.user(request);
        try {
            if (user.isEmpty()) {
                throw new ChatRefusal(401, "signed_out", "Your session ended: sign in again.");
            }
            if (!cors.mayActWithCookie(request)) {
                throw new ChatRefusal(403, "cross_site", "This origin may not use the console.");
            }
            ApprovalDesk.Decision decision =
                    desk.decide(user.get(), parts[1], parts[2], parts[3].equals(AgentApprovals.APPROVE));
            if (decision.status() != 200) {
                throw new ChatRefusal(
                        decision.status(),
                        decision.status() == 409 ? "already_decided" : "unknown_approval",
                        decision.body().path("error").path("message").asText("The agent refused the decision."));
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            response.getWriter().write(decision.body().toString());
        } catch (ChatRefusal refused) {
            OpenAiJson.sendError(response, refused);
        }
    }
}
