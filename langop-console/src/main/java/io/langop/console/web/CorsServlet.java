package io.langop.console.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An API servlet other origins may call as {@link CorsPolicy} allows: preflights are answered before any method. */
abstract class CorsServlet extends HttpServlet {

    final CorsPolicy cors;

    CorsServlet(CorsPolicy cors) {
        this.cors = cors;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (cors.apply(request, response)) {
            return;
        }
        super.service(request, response);
    }
}
