package io.langop.proxy.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.langop.proxy.openai.Json;
import io.langop.proxy.report.UsageReport;
import io.langop.proxy.shared.RedisScript;
import io.langop.proxy.shared.SharedRedis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage totals the replicas keep together in Redis. A replica adds what it counts to a batch in memory, and sends
 * the batch every {@link #FLUSH_INTERVAL} (and before it reads the totals), so requests never wait for Redis to
 * count them. A batch is one script that adds every count at once and marks the batch done: sent again after a
 * failure whose outcome is unknown (the answer was lost), it is not counted twice. While Redis is down the counts
 * wait in memory, in at most two batches (the one in doubt and the one growing), and are sent when it is back; what
 * a replica counted in its last second before it died is lost.
 *
 * <p>In Redis: a hash per model ({@code <prefix>usage:model:<name>}) and per client key ({@code ...usage:client:<name>})
 * with the counts (costs in billionths of the currency unit, so they add up exactly, latencies as the bucket counts
 * of {@link LatencyHistogram}), a set of the names of each kind, a hash of reported runs per client, and when the
 * totals started ({@code ...usage:since}): at the first replica's first count, not at any replica's start.
 */
public final class SharedUsage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedUsage.class);
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** How long Redis remembers a batch it counted, against a retry counting it again. */
    private static final long BATCH_MARK_SECONDS = Duration.ofDays(1).toSeconds();

    private static final int COST_SCALE = 9;
    /** The fields of a code version's runs in a client's run hash start with it, then the hash and a colon. */
    private static final String CODE_FIELD = "code:";

    /**
     * KEYS[1]: the batch's mark. ARGV: the mark's lifetime in seconds, then operations of four arguments each:
     * {@code i key field n} adds n, {@code s key field value} sets, {@code m key member -} adds to a set,
     * {@code n key value -} sets a string unless it is set, {@code l key endedMillis result} records a run's end
     * unless a later one is recorded, {@code p key client millis\nlist} keeps a client's list of approvals unless a
     * later one is kept, {@code v key codeHash endedMillis\nfailedMillis\nfailure} records when a code version's
     * last run ended and why its last failed run failed, unless later ones are recorded, and forgets the version
     * reported longest ago beyond those kept (its counts come before it, with {@code i}, so that they go with it).
     * Returns 0 when the batch was counted before, 1 otherwise.
     */
    private static final RedisScript ADD =
            new RedisScript("""
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
                return 0
            end
            for i = 2, #ARGV, 4 do
                local op, key, a, b = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
                if op == 'i' then
                    redis.call('HINCRBY', key, a, b)
                elseif op == 's' then
                    redis.call('HSET', key, a, b)
                elseif op == 'm' then
                    redis.call('SADD', key, a)
                elseif op == 'n' then
                    redis.call('SET', key, a, 'NX')
                elseif op == 'p' then
                    local kept = redis.call('HGET', key, a)
                    if not kept or tonumber(string.match(kept, '^%d+')) <= tonumber(string.match(b, '^%d+')) then
                        redis.call('HSET', key, a, b)
                    end
                elseif op == 'l' then
                    local last = tonumber(redis.call('HGET', key, 'lastEnded') or '0')
                    if tonumber(a) > last then
                        redis.call('HSET', key, 'lastEnded', a, 'lastResult', b)
                    end
                elseif op == 'v' then
                    local ended, failed, failure = string.match(b, '^(%d+)\\n(%d+)\\n(.*)$')
                    local field = 'code:' .. a .. ':'
                    if tonumber(ended) > tonumber(redis.call('HGET', key, field .. 'lastEnded') or '0') then
                        redis.call('HSET', key, field .. 'lastEnded', ended)
                    end
                    if tonumber(failed) > tonumber(redis.call('HGET', key, field .. 'lastFailed') or '0') then
                        redis.call('HSET', key, field .. 'lastFailed', failed, field .. 'lastFailure', failure)
                    end
                    local codes = key .. ':codes'
                    if tonumber(ended) > tonumber(redis.call('ZSCORE', codes, a) or '0') then
                        redis.call('ZADD', codes, ended, a)
                    end
                    while redis.call('ZCARD', codes) > {codeVersionsKept} do
                        local old = 'code:' .. redis.call('ZPOPMIN', codes)[1] .. ':'
                        redis.call('HDEL', key, old .. 'runs', old .. 'succeeded', old .. 'lastEnded',
                            old .. 'lastFailed', old .. 'lastFailure')
                    end
                end
            end
            return 1""".replace("{codeVersionsKept}", Integer.toString(UsageReport.Runs.CODE_VERSIONS_KEPT)));

    /**
     * ARGV: the sets of model, client and run names, the hash prefix of each, the start key and the approvals hash.
     * Returns per kind a flat list of name and hash (as HGETALL answers it), then the start, then the approvals.
     */
    private static final RedisScript READ = new RedisScript("""
            local answer = {}
            for i = 1, 3 do
                local kind = {}
                for _, name in ipairs(redis.call('SMEMBERS', ARGV[i])) do
                    kind[#kind + 1] = name
                    kind[#kind + 1] = redis.call('HGETALL', ARGV[i + 3] .. name)
                end
                answer[i] = kind
            end
            answer[4] = redis.call('GET', ARGV[7]) or ''
            answer[5] = redis.call('HGETALL', ARGV[8])
            return answer""");

    private static final TypeReference<List<UsageReport.PendingApproval>> APPROVALS = new TypeReference<>() {};

    private final SharedRedis redis;
    private final ScheduledExecutorService flusher;
    private final ScheduledFuture<?> flushes;
    private final ReentrantLock flushing = new ReentrantLock();
    /** Counts not sent yet; replaced by a fresh one when a batch is made of it. */
    private UsageTallies growing = new UsageTallies();
    /** A batch whose sending failed: maybe counted, maybe not; sent again, under the same mark, before any other. */
    private Batch inDoubt;

    public SharedUsage(SharedRedis redis) {
        this.redis = redis;
        this.flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("proxy-usage-flush").factory());
        this.flushes = flusher.scheduleWithFixedDelay(
                this::flushLogged, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds counts to the batch being made. */
    synchronized void record(Consumer<UsageTallies> change) {
        change.accept(growing);
    }

    /** Whatever a flush throws would end the schedule without a word: logged, and flushes go on. */
    private void flushLogged() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("sending usage to redis failed; trying again in {}", FLUSH_INTERVAL, e);
        }
    }

    /**
     * Sends what was counted since the last flush.
     *
     * @return whether everything counted so far is in Redis now
     */
    public boolean flush() {
        flushing.lock();
        try {
            if (inDoubt != null) {
                if (!send(inDoubt)) {
                    return false;
                }
                inDoubt = null;
            }
            UsageTallies taken;
            synchronized (this) {
                if (growing.isEmpty()) {
                    return true;
                }
                taken = growing;
                growing = new UsageTallies();
            }
            Batch batch = new Batch(UUID.randomUUID().toString(), operations(taken));
            if (!send(batch)) {
                inDoubt = batch;
                return false;
            }
            return true;
        } finally {
            flushing.unlock();
        }
    }

    private boolean send(Batch batch) {
        List<byte[]> arguments = new ArrayList<>(batch.operations().size() + 1);
        arguments.add(bytes(Long.toString(BATCH_MARK_SECONDS)));
        batch.operations().forEach(text -> arguments.add(bytes(text)));
        return redis.run(
                "usage", jedis -> ADD.run(jedis, List.of(redis.keyBytes("usage:batch:" + batch.id())), arguments));
    }

    /** The script's operations adding {@code tallies} to the totals. */
    private List<String> operations(UsageTallies tallies) {
        List<String> operations = new ArrayList<>();
        operations.addAll(List.of("n", redis.key("usage:since"), Instant.now().toString(), "-"));
        tallies.byModel().forEach((name, tally) -> addTally(operations, "model", name, tally.counts()));
        tallies.byClient().forEach((name, tally) -> addTally(operations, "client", name, tally.counts()));
        tallies.approvals()
                .forEach((client, latest) -> operations.addAll(List.of(
                        "p",
                        redis.key("usage:approvals"),
                        client,
                        latest.reported().toEpochMilli() + "\n" + approvalsJson(latest.pending()))));
        tallies.runsByClient().forEach((client, runs) -> {
            RunTally.Counts counts = runs.counts();
            String key = redis.key("usage:run:" + client);
            operations.addAll(List.of("m", redis.key("usage:runs"), client, "-"));
            increment(operations, key, "runs", counts.runs());
            increment(operations, key, "succeeded", counts.succeeded());
            if (counts.lastEnded() != null) {
                operations.addAll(
                        List.of("l", key, Long.toString(counts.lastEnded().toEpochMilli()), counts.lastResult()));
            }
            counts.byCode().forEach((hash, code) -> {
                String field = CODE_FIELD + hash + ":";
                increment(operations, key, field + "runs", code.runs());
                increment(operations, key, field + "succeeded", code.succeeded());
                operations.addAll(List.of(
                        "v",
                        key,
                        hash,
                        millis(code.lastEnded()) + "\n" + millis(code.lastFailed()) + "\n"
                                + Objects.requireNonNullElse(code.lastFailure(), "")));
            });
        });
        return operations;
    }

    private void addTally(List<String> operations, String kind, String name, Tally.Counts counts) {
        String key = redis.key("usage:" + kind + ":" + name);
        operations.addAll(List.of("m", redis.key("usage:" + kind + "s"), name, "-"));
        increment(operations, key, "requests", counts.requests());
        increment(operations, key, "promptTokens", counts.promptTokens());
        increment(operations, key, "completionTokens", counts.completionTokens());
        increment(
                operations,
                key,
                "costNanos",
                counts.cost()
                        .movePointRight(COST_SCALE)
                        .setScale(0, RoundingMode.HALF_EVEN)
                        .longValueExact());
        increment(operations, key, "cacheHits", counts.cacheHits());
        increment(operations, key, "cacheMisses", counts.cacheMisses());
        increment(operations, key, "errors", counts.errors());
        increment(operations, key, "latencySumMillis", counts.latencySumMillis());
        long[] buckets = counts.latencyBuckets();
        for (int bucket = 0; bucket < buckets.length; bucket++) {
            increment(operations, key, "latency" + bucket, buckets[bucket]);
        }
        if (counts.currency() != null) {
            operations.addAll(List.of("s", key, "currency", counts.currency()));
        }
    }

    private static void increment(List<String> operations, String key, String field, long amount) {
        if (amount != 0) {
            operations.addAll(List.of("i", key, field, Long.toString(amount)));
        }
    }

    /**
     * The replicas' totals, with this replica's counts sent first so they are in them.
     *
     * @param started when this replica started: the start reported before anything was counted
     * @throws UnavailableException when Redis cannot be read
     */
    UsageReport read(Instant started) {
        flush();
        List<byte[]> arguments = new ArrayList<>();
        for (String name : List.of("usage:models", "usage:clients", "usage:runs")) {
            arguments.add(redis.keyBytes(name));
        }
        for (String name : List.of("usage:model:", "usage:client:", "usage:run:")) {
            arguments.add(redis.keyBytes(name));
        }
        arguments.add(redis.keyBytes("usage:since"));
        arguments.add(redis.keyBytes("usage:approvals"));
        List<?> answer = (List<?>) redis.call("usage totals", jedis -> READ.run(jedis, List.of(), arguments))
                .orElseThrow(() -> new UnavailableException(
                        "usage totals are kept in redis at " + redis.address() + ", which cannot be reached now"));
        UsageTallies totals = new UsageTallies();
        forEachHash(
                (List<?>) answer.get(0), (name, fields) -> totals.model(name).add(tallyCounts(fields)));
        forEachHash(
                (List<?>) answer.get(1), (name, fields) -> totals.client(name).add(tallyCounts(fields)));
        forEachHash(
                (List<?>) answer.get(2),
                (name, fields) -> totals.runs(name)
                        .add(
                                number(fields, "runs"),
                                number(fields, "succeeded"),
                                fields.containsKey("lastEnded")
                                        ? Instant.ofEpochMilli(Long.parseLong(fields.get("lastEnded")))
                                        : null,
                                fields.get("lastResult")));
        forEachHash(
                (List<?>) answer.get(2),
                (name, fields) -> codeCounts(fields)
                        .forEach((hash, counts) -> totals.runs(name).addCode(hash, counts)));
        List<?> approvals = (List<?>) answer.get(4);
        for (int i = 0; i + 1 < approvals.size(); i += 2) {
            String[] reportedAndList = text(approvals.get(i + 1)).split("\n", 2);
            totals.approvals(
                    text(approvals.get(i)),
                    approvalsFrom(reportedAndList[1]),
                    Instant.ofEpochMilli(Long.parseLong(reportedAndList[0])));
        }
        String since = text(answer.get(3));
        return totals.snapshot(since.isEmpty() ? started.toString() : since);
    }

    private static String approvalsJson(List<UsageReport.PendingApproval> pending) {
        try {
            return Json.MAPPER.writeValueAsString(pending);
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException("a list of records of strings is JSON", cannotHappen);
        }
    }

    private static List<UsageReport.PendingApproval> approvalsFrom(String json) {
        try {
            return Json.MAPPER.readValue(json, APPROVALS);
        } catch (JsonProcessingException written) {
            throw new IllegalStateException("approvals in redis are not what this proxy writes", written);
        }
    }

    /** The code versions' counts among the fields of a client's run hash ({@code code:<hash>:<field>}). */
    private static Map<String, RunTally.CodeCounts> codeCounts(Map<String, String> fields) {
        Map<String, Map<String, String>> byCode = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(CODE_FIELD)) {
                String[] hashAndName = field.substring(CODE_FIELD.length()).split(":", 2);
                byCode.computeIfAbsent(hashAndName[0], hash -> new HashMap<>()).put(hashAndName[1], value);
            }
        });
        Map<String, RunTally.CodeCounts> counts = new HashMap<>();
        byCode.forEach((hash, code) -> counts.put(
                hash,
                new RunTally.CodeCounts(
                        number(code, "runs"),
                        number(code, "succeeded"),
                        instant(code.get("lastEnded")),
                        instant(code.get("lastFailed")),
                        code.get("lastFailure") == null
                                        || code.get("lastFailure").isEmpty()
                                ? null
                                : code.get("lastFailure"))));
        return counts;
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    private static Instant instant(String millis) {
        return millis == null || millis.equals("0") ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static Tally.Counts tallyCounts(Map<String, String> fields) {
        long[] buckets = new long[LatencyHistogram.bucketCount()];
        for (int bucket = 0; bucket < buckets.length; bucket++) {
            buckets[bucket] = number(fields, "latency" + bucket);
        }
        return new Tally.Counts(
                number(fields, "requests"),
                number(fields, "promptTokens"),
                number(fields, "completionTokens"),
                BigDecimal.valueOf(number(fields, "costNanos"), COST_SCALE),
                number(fields, "cacheHits"),
                number(fields, "cacheMisses"),
                number(fields, "errors"),
                fields.get("currency"),
                buckets,
                number(fields, "latencySumMillis"));
    }

    /** Calls {@code each} with every name and its hash of a READ answer's list. */
    private static void forEachHash(List<?> flat, java.util.function.BiConsumer<String, Map<String, String>> each) {
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            List<?> pairs = (List<?>) flat.get(i + 1);
            Map<String, String> fields = new HashMap<>();
            for (int j = 0; j + 1 < pairs.size(); j += 2) {
                fields.put(text(pairs.get(j)), text(pairs.get(j + 1)));
            }
            each.accept(text(flat.get(i)), fields);
        }
    }

    private static long number(Map<String, String> fields, String field) {
        String value = fields.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(Object bytes) {
        return bytes instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops the schedule and sends what is left, if Redis takes it. */
    @Override
    public void close() {
        flushes.cancel(false);
        flusher.shutdownNow();
        if (!flush()) {
            LOG.warn(
                    "usage counted in the last {} could not be sent to redis at {} and is lost",
                    FLUSH_INTERVAL,
                    redis.address());
        }
    }

    private record Batch(String id, List<String> operations) {}

    /** The replicas' usage totals cannot be read now (Redis is down). */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String message) {
            super(message);
        }
    }
}
