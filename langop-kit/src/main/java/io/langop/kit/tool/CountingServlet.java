package io.langop.kit.tool;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Fronts an MCP transport servlet and counts its message requests (POST, DELETE) while they run.
 * Both MCP servlet transports answer a message before its request returns, so a request that has
 * ended has been answered; GETs are long-lived event streams and do not count. A message's body is read whole
 * first ({@link WholeBodyRequest}), so that one over the server's size cap is answered 413.
 */
final class CountingServlet extends HttpServlet {

    private final transient HttpServlet transport;
    private final transient InFlightRequests inFlight;

    CountingServlet(HttpServlet transport, InFlightRequests inFlight) {
        this.transport = transport;
        this.inFlight = inFlight;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        transport.init(config);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getMethod().equals("GET")) {
            transport.service(request, response);
            return;
        }
        inFlight.enter();
        try {
            transport.service(WholeBodyRequest.of(request), response);
        } finally {
            inFlight.exit();
        }
    }

    @Override
    public void destroy() {
        transport.destroy();
    }
}
