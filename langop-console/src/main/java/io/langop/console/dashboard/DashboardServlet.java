package io.langop.console.dashboard;

import io.langop.console.auth.Access;
import io.langop.console.auth.User;
import io.langop.console.web.PageServlet;
import io.langop.console.web.Pages;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's pages, server-rendered in the console's frame ({@link Pages#page}) with its navigation; with
 * {@code ?part=live} only the part of a page that changes, which dashboard.js fetches again when the live feed
 * says that something it shows has changed.
 */
final class DashboardServlet extends HttpServlet {

    record Link(String path, String label) {}

    static final List<Link> NAVIGATION = List.of(
            new Link("/", "Overview"),
            new Link("/models", "Models"),
            new Link("/tools", "Tools"),
            new Link("/personas", "Personas"),
            new Link("/events", "Events"));

    private final ClusterWatch watch;
    private final CodeVersions code;
    private final Access access;
    private final Pages pages;
    private final Clock clock;

    DashboardServlet(ClusterWatch watch, CodeVersions code, Access access, Pages pages, Clock clock) {
        this.watch = watch;
        this.code = code;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageServlet.secure(response);
        response.setContentType("text/html;charset=utf-8");
        Optional<User> user = access.user(request);
        if (user.isEmpty() && !access.anonymousAllowed()) {
            if ("live".equals(request.getParameter("part"))) {
                response.sendError(401);
                return;
            }
            response.getWriter()
                    .write(pages.signIn(
                            access.offersApiKeys(), access.oidcProviders(), PageServlet.signInError(request)));
            return;
        }
        String path = request.getRequestURI();
        Optional<DashboardPage> page = page(path);
        if (page.isEmpty()) {
            response.sendError(404);
            return;
        }
        if ("live".equals(request.getParameter("part"))) {
            response.getWriter().write(page.get().live());
            return;
        }
        response.getWriter()
                .write(pages.page(user.orElse(null), navigation(path), main(page.get()), "dashboard.js", null));
    }

    private Optional<DashboardPage> page(String path) {
        return switch (path) {
            case "/" -> Optional.of(new OverviewPage(watch, clock));
            case "/models" -> Optional.of(new ModelsPage(watch));
            case "/tools" -> Optional.of(new ToolsPage(watch));
            case "/personas" -> Optional.of(new PersonasPage(watch));
            case "/events" -> Optional.of(new EventsPage(watch));
            default -> {
                if (!path.startsWith("/agents/")) {
                    yield Optional.empty();
                }
                String name = URLDecoder.decode(path.substring("/agents/".length()), StandardCharsets.UTF_8);
                yield watch.agent(name).map(agent -> new AgentPage(watch, code, name));
            }
        };
    }

    private static String main(DashboardPage page) {
        return "<main id=\"main\" class=\"dashboard\" data-kinds=\"" + Markup.text(String.join(" ", page.kinds()))
                + "\"" + (page.eventsOf() == null ? "" : " data-events=\"" + Markup.text(page.eventsOf()) + "\"")
                + ">\n<p id=\"live-state\" class=\"status\" role=\"status\"></p>\n<div id=\"live\">\n" + page.live()
                + "</div>\n" + page.after() + "</main>\n";
    }

    private static String navigation(String path) {
        StringBuilder html = new StringBuilder("<nav class=\"nav\" aria-label=\"Dashboard\">\n<ul>\n");
        for (Link link : NAVIGATION) {
            html.append("<li><a href=\"")
                    .append(link.path())
                    .append('"')
                    .append(link.path().equals(path) ? " aria-current=\"page\"" : "")
                    .append('>')
                    .append(Markup.text(link.label()))
                    .append("</a></li>\n");
        }
        return html.append("</ul>\n</nav>\n").toString();
    }
}
