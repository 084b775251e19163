import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A fake model that streams as LLMs do: an OpenAI chat completion in CHUNKS server-sent events with GAP_MS between
 * them (a token or two at a time), then a usage event and [DONE]; POST /v1/traces answers an empty OTLP response, so
 * the same process is the collector of the traced proxy. One virtual thread per request.
 * Usage: java GappedUpstream.java PORT [chunks=8] [gapMs=5]
 */
public class GappedUpstream {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long gapMs = args.length > 2 ? Long.parseLong(args[2]) : 5;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[][] events = new byte[chunks + 2][];
        for (int i = 0; i < chunks; i++) {
            events[i] = ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                            + "\"model\":\"gapped\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok" + i
                            + " \"},\"finish_reason\":null}]}\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        events[chunks] = ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                        + "\"model\":\"gapped\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":"
                        + chunks + ",\"total_tokens\":" + (9 + chunks) + "}}\n\n")
                .getBytes(StandardCharsets.UTF_8);
        events[chunks + 1] = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < events.length; i++) {
                    if (i > 0 && i < chunks) {
                        Thread.sleep(gapMs);
                    }
                    out.write(events[i]);
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.err.println("gapped upstream on " + port + ": " + chunks + " chunks, " + gapMs + " ms apart");
    }
}
