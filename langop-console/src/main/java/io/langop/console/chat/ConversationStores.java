package io.langop.console.chat;

import io.langop.api.clientconfig.ClientConfig;
import io.langop.api.v1alpha1.client.SessionBackend;
import io.langop.sdk.memory.spi.MemoryBackends;
import io.langop.sdk.memory.spi.MemorySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation store {@code session.backend} names: {@code redis} and {@code postgres} through the backends of
 * the memory work ({@link StoredConversations}), connected with the URL the Secret of {@code backendConfig.secretRef}
 * holds (as a LanguageAgent's {@code memoryStore.connectionSecretRef} does), or {@code backendConfig.endpoint} when
 * that is a URL without credentials; {@code backendConfig.database} is the URL's path when it has none, and
 * {@code keyPrefix} the scope that keeps clients sharing a store apart (default {@code <namespace>/<client>}).
 * {@code memory}, {@code enablePersistence: false}, and what cannot be had keep conversations in this process
 * ({@link InMemoryConversationStore}), with a warning for the latter.
 */
public final class ConversationStores {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationStores.class);

    private ConversationStores() {}

    public static ConversationStore open(
            ClientConfig config, UnaryOperator<String> variables, Duration ttl, Clock clock) {
        ClientConfig.Session session = config.session();
        SessionBackend backend = session == null ? null : session.backend();
        if (backend == null || backend == SessionBackend.MEMORY) {
            if (session != null && Boolean.TRUE.equals(session.enablePersistence())) {
                LOG.warn("enablePersistence asks for conversations that outlive the console, but the session backend"
                        + " is memory: name redis or postgres to keep them");
            }
            return new InMemoryConversationStore(ttl, clock);
        }
        if (Boolean.FALSE.equals(session.enablePersistence())) {
            LOG.info("enablePersistence is false: conversations are kept in memory, not in {}", backend);
            return new InMemoryConversationStore(ttl, clock);
        }
        if (backend != SessionBackend.REDIS && backend != SessionBackend.POSTGRES) {
            return inMemory(backend, "this console has no " + backend + " store", ttl, clock);
        }
        ClientConfig.SessionStore store = session.backendConfig();
        String url = store == null ? null : url(store, variables);
        if (url == null) {
            return inMemory(
                    backend,
                    "backendConfig names no connection URL (a secretRef holding it, or an endpoint that is one)",
                    ttl,
                    clock);
        }
        String scope = store.keyPrefix() != null && !store.keyPrefix().isBlank()
                ? store.keyPrefix()
                : config.namespace() + "/" + config.name();
        try {
            StoredConversations stored = new StoredConversations(
                    MemoryBackends.open(new MemorySettings(
                            backend.name().toLowerCase(Locale.ROOT),
                            url,
                            scope,
                            Path.of(System.getProperty("java.io.tmpdir")))),
                    ttl,
                    clock);
            LOG.info("conversations are kept in {}", stored.description());
            return stored;
        } catch (RuntimeException unusable) {
            // the URL carries the store's password: never in a log
            return inMemory(
                    backend, String.valueOf(unusable.getMessage()).replace(url, "<the connection URL>"), ttl, clock);
        }
    }

    private static String url(ClientConfig.SessionStore store, UnaryOperator<String> variables) {
        String secret = store.secretEnv() == null ? null : variables.apply(store.secretEnv());
        String url = secret != null && secret.contains("://")
                ? secret.strip()
                : store.endpoint() != null && store.endpoint().contains("://")
                        ? store.endpoint().strip()
                        : null;
        if (url == null || store.database() == null || store.database().isBlank()) {
            return url;
        }
        int path = url.indexOf('/', url.indexOf("://") + 3);
        return path < 0 ? url + "/" + store.database().strip() : url;
    }

    private static ConversationStore inMemory(SessionBackend backend, String why, Duration ttl, Clock clock) {
        LOG.warn("session backend {} cannot be used ({}): conversations are kept in memory", backend, why);
        return new InMemoryConversationStore(ttl, clock);
    }
}
