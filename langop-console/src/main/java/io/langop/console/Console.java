package io.langop.console;

import io.langop.api.clientconfig.ClientConfig;
import io.langop.console.approval.ApprovalDesk;
import io.langop.console.auth.Access;
import io.langop.console.auth.LoginSessions;
import io.langop.console.auth.SessionCookie;
import io.langop.console.auth.SignInServlet;
import io.langop.console.chat.ChatService;
import io.langop.console.chat.ChatTargets;
import io.langop.console.chat.ConversationStore;
import io.langop.console.chat.ConversationStores;
import io.langop.console.chat.UpstreamChat;
import io.langop.console.guard.Moderation;
import io.langop.console.guard.UserRateLimits;
import io.langop.console.web.ApprovalApiServlet;
import io.langop.console.web.AssetServlet;
import io.langop.console.web.ChatApiServlet;
import io.langop.console.web.CorsPolicy;
import io.langop.console.web.OpenAiServlet;
import io.langop.console.web.PageServlet;
import io.langop.proxy.config.Durations;
import io.langop.server.ServiceServer;
import io.langop.server.metrics.MeterRegistries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console of one LanguageClient, assembled from its client.json: who may use it ({@link Access}), whom they
 * talk to ({@link ChatTargets}), what they may send ({@link UserRateLimits}, {@link Moderation}), where their
 * conversations live ({@link ConversationStore}) and the page, its API and the OpenAI-compatible API on one
 * {@link ServiceServer}.
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    static final Duration DEFAULT_TTL = Duration.ofHours(24);
    static final int DEFAULT_MAX_MESSAGES = 100;
    /** How long an agent may take before its answer starts: it may call tools first. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

    private final ServiceServer server;
    /** The store this console opened (and so closes); null when it was handed one. */
    private final ConversationStore opened;

    private Console(ServiceServer server, ConversationStore opened) {
        this.server = server;
        this.opened = opened;
    }

    /**
     * @param variables the environment, where the providers' Secrets are
     * @param conversations the conversation store; null for the one {@code session.backend} names
     */
    public static Console start(
            ClientConfig config,
            UnaryOperator<String> variables,
            int port,
            InetAddress bindAddress,
            ConversationStore conversations,
            Clock clock) {
        ClientConfig.Session session = config.session();
        Duration ttl = session == null || session.ttl() == null ? DEFAULT_TTL : Durations.parse(session.ttl());
        int maxMessages = session == null || session.maxMessagesPerSession() == null
                ? DEFAULT_MAX_MESSAGES
                : session.maxMessagesPerSession();
        ConversationStore opened = null;
        if (conversations == null) {
            opened = ConversationStores.open(config, variables, ttl, clock);
            conversations = opened;
        }
        HttpClient http = httpClient();
        Integer concurrent =
                config.rateLimiting() == null ? null : config.rateLimiting().getConcurrentSessions();
        LoginSessions logins = new LoginSessions(ttl, Objects.requireNonNullElse(concurrent, Integer.MAX_VALUE), clock);
        Access access = new Access(
                config.authentication(),
                variables,
                logins,
                new SessionCookie(session == null ? null : session.cookieConfig()),
                http);
        ChatTargets targets = new ChatTargets(config);
        CorsPolicy cors = new CorsPolicy(config.cors());
        PrometheusMeterRegistry meters = MeterRegistries.prometheus();
        ChatService chat = new ChatService(
                new UserRateLimits(config.rateLimiting(), clock),
                new Moderation(config.contentModeration()),
                new UpstreamChat(http, ANSWER_TIMEOUT),
                meters);
        ApprovalDesk approvals = new ApprovalDesk(config, variables, http);
        ServiceServer server = ServiceServer.builder("langop-console")
                .port(port)
                .bindAddress(bindAddress)
                .meterRegistry(meters)
                .servlet("/", new PageServlet(config.ui(), targets, conversations, access, approvals))
                .servlet("/assets/*", new AssetServlet(config.ui()))
                .servlet("/auth/*", new SignInServlet(access, clock))
                .servlet(
                        "/api/*",
                        new ChatApiServlet(targets, chat, conversations, access, approvals, cors, maxMessages, clock))
                .servlet("/api/approvals/*", new ApprovalApiServlet(approvals, access, cors))
                .servlet("/v1/*", new OpenAiServlet(targets, chat, access, cors))
                .start();
        LOG.info(
                "console of client {} offers {}",
                config.name(),
                targets.all().stream().map(target -> target.id()).toList());
        return new Console(server, opened);
    }

    /**
     * The client the console calls agents, model proxies and issuers with (bench/console calls the model directly
     * with the same one). HTTP/1.1: they speak it in plain text inside a cluster, and the default (HTTP/2) would
     * offer every plain-text request an h2c upgrade first. The JDK's own executor, not virtual threads: on a busy
     * console its threads hand each upstream event to the request's virtual thread sooner than a virtual thread
     * queued behind all the others would (bench/console/README.md).
     */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI uri() {
        return server.uri();
    }

    public int port() {
        return server.port();
    }

    public ServiceServer server() {
        return server;
    }

    /** Stops serving, then lets go of a conversation store that holds connections. */
    @Override
    public void close() {
        server.close();
        if (opened instanceof AutoCloseable connected) {
            try {
                connected.close();
            } catch (Exception e) {
                LOG.warn("the conversation store did not close cleanly: {}", e.toString());
            }
        }
    }
}
