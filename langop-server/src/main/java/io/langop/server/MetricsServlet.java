package io.langop.server;

import io.langop.server.metrics.MetricsExposition;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A Micrometer registry in the exposition format the scraper accepts ({@link MetricsExposition}). */
final class MetricsServlet extends HttpServlet {

    private final transient PrometheusMeterRegistry registry;

    MetricsServlet(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MetricsExposition exposition = MetricsExposition.forAccept(request.getHeader("Accept"));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(exposition.contentType());
        response.getWriter().write(exposition.scrape(registry));
    }
}
