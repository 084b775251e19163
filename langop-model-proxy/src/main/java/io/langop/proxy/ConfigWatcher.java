package io.langop.proxy;

import io.langop.proxy.config.ConfigException;
import io.langop.proxy.config.ProxyConfig;
import io.langop.proxy.config.ProxyConfigFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the configuration file or a secret file it refers to changes, and hands the configuration on
 * again. It compares content digests on a schedule rather than using file events: a mounted ConfigMap or
 * Secret is replaced through a symlink swap that file watches on the file itself do not see.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    private final Path file;
    private final Consumer<ProxyConfig> onChange;
    private final ScheduledExecutorService scheduler;
    private final ScheduledFuture<?> checks;
    private List<Path> secretFiles;
    private byte[] lastDigest;

    /**
     * @param onChange receives each new valid configuration; when it throws {@link ConfigException} the change
     *                 is refused and logged, and the previous configuration stays
     */
    public ConfigWatcher(
            Path file, byte[] initialContent, ProxyConfig initial, Duration interval, Consumer<ProxyConfig> onChange) {
        this.file = file;
        this.onChange = onChange;
        this.secretFiles = initial.secretFiles();
        this.lastDigest = digest(initialContent, secretFiles);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("proxy-config-watcher").factory());
        this.checks = scheduler.scheduleWithFixedDelay(
                this::checkLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A check that throws would end the schedule without a word: whatever it throws is logged, and checks go on. */
    private void checkLogged() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("checking configuration {} failed; checking again in a moment", file, e);
        }
    }

    private void check() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.warn("cannot read configuration {}: {}; keeping the current one", file, e.toString());
            return;
        }
        byte[] digest = digest(content, secretFiles);
        if (Arrays.equals(digest, lastDigest)) {
            return;
        }
        lastDigest = digest;
        try {
            ProxyConfig config = ProxyConfigFiles.parse(new String(content, StandardCharsets.UTF_8));
            onChange.accept(config);
            if (!config.secretFiles().equals(secretFiles)) {
                secretFiles = config.secretFiles();
                lastDigest = digest(content, secretFiles);
            }
            LOG.info("configuration {} reloaded", file);
        } catch (ConfigException e) {
            LOG.error("configuration {} changed but was refused, keeping the current one: {}", file, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("configuration {} changed but could not be applied, keeping the current one", file, e);
        }
    }

    private static byte[] digest(byte[] content, List<Path> secretFiles) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        digest.update(content);
        for (Path secret : secretFiles) {
            try {
                digest.update(Files.readAllBytes(secret));
            } catch (IOException missing) {
                digest.update((byte) 0); // a secret that disappears or appears is a change too
            }
        }
        return digest.digest();
    }

    @Override
    public void close() {
        checks.cancel(false);
        scheduler.shutdownNow();
    }
}
