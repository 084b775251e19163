package io.langop.console.web;

import io.langop.api.v1alpha1.client.UiConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /assets/*}: the pages' scripts (the chat's, the dashboard's) and style sheet from this jar (no CDN, no build step), the colours of the
 * spec as {@code theme.css}, and the spec's {@code customCSS} and {@code customJS} when it has them.
 */
public final class AssetServlet extends HttpServlet {

    // Never compared or handed out: the bytes are only written to responses.
    @SuppressWarnings("ArrayRecordComponent")
    private record Asset(String type, byte[] bytes) {}

    private final Map<String, Asset> assets;

    public AssetServlet(UiConfig ui) {
        Pages pages = new Pages(ui);
        Map<String, Asset> all = new HashMap<>();
        all.put("/console.js", new Asset("text/javascript", resource("console.js")));
        all.put("/dashboard.js", new Asset("text/javascript", resource("dashboard.js")));
        all.put("/console.css", new Asset("text/css", resource("console.css")));
        all.put("/theme.css", new Asset("text/css", pages.themeCss().getBytes(StandardCharsets.UTF_8)));
        if (pages.hasCustomCss()) {
            all.put("/custom.css", new Asset("text/css", pages.customCss().getBytes(StandardCharsets.UTF_8)));
        }
        if (pages.hasCustomJs()) {
            all.put("/custom.js", new Asset("text/javascript", pages.customJs().getBytes(StandardCharsets.UTF_8)));
        }
        this.assets = Map.copyOf(all);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Asset asset = assets.get(String.valueOf(request.getPathInfo()));
        if (asset == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(asset.type() + ";charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(asset.bytes());
    }

    private static byte[] resource(String name) {
        try (InputStream in = AssetServlet.class.getResourceAsStream("/io/langop/console/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's jar lacks assets/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
