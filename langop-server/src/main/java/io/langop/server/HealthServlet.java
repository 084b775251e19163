package io.langop.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** {@code 200 ok} while the probe holds, {@code 503 unavailable} otherwise — the shape kubelet probes want. */
final class HealthServlet extends HttpServlet {

    private final transient BooleanSupplier probe;

    HealthServlet(BooleanSupplier probe) {
        this.probe = probe;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean healthy;
        try {
            healthy = probe.getAsBoolean();
        } catch (RuntimeException e) {
            healthy = false;
        }
        response.setStatus(healthy ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().write(healthy ? "ok\n" : "unavailable\n");
    }
}
