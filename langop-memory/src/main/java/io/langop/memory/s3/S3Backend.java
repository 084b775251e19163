package io.langop.memory.s3;

import io.langop.sdk.memory.spi.BackendUnavailableException;
import io.langop.sdk.memory.spi.MemoryBackend;
import io.langop.sdk.memory.spi.Space;
import io.langop.sdk.memory.spi.StoredEntry;
import io.langop.sdk.memory.spi.StoredValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Memory in an S3-compatible bucket (AWS S3, MinIO, Ceph, GCS interop): one object per key under
 * {@code [prefix/]<scope>/<space>/<key>} with the content type as the object's, and one object per conversation
 * turn under {@code <scope>/conversations/<session>/<time>-<n>}, so that appending never rewrites (S3 has no
 * append, and a read-modify-write would lose a turn to a concurrent request). Listing documents costs a HEAD per
 * document (S3 lists no content types); reading a conversation a GET per turn.
 *
 * <p>A claim is an object {@code <scope>/claims/<name>} holding its owner, with its expiry in the metadata, written
 * only by conditional PUTs: {@code If-None-Match: *} takes a free name, {@code If-Match: <etag>} takes over an expired
 * claim (or renews the caller's own). The server decides between concurrent writers, so a claim is atomic where the
 * server's conditional writes are (AWS S3, MinIO); a server that checks the conditions before it writes without a lock
 * (S3Proxy) or ignores them cannot keep concurrent claims apart. Expired claim objects stay until a claim of the same
 * name replaces them: a bucket lifecycle rule that expires {@code <prefix>/<scope>/claims/} after the claims' lifetime
 * removes them.
 */
public final class S3Backend implements MemoryBackend {

    private static final String TURN_TYPE = "application/json";
    private static final String CLAIM_EXPIRES = "expires";
    /** Writers that keep taking a name over between this caller's read and write hold it between them. */
    private static final int CLAIM_ROUNDS = 4;

    private final S3Client s3;
    private final String bucket;
    private final String root;
    private final String description;
    private final AtomicLong turnCounter = new AtomicLong();

    S3Backend(S3Client s3, String bucket, String prefix, String scope, String description) {
        this.s3 = s3;
        this.bucket = bucket;
        this.root = (prefix.isEmpty() ? "" : prefix + "/") + scope + "/";
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<StoredValue> get(Space space, String key) {
        return call(() -> {
            try {
                ResponseBytes<GetObjectResponse> object =
                        s3.getObjectAsBytes(request -> request.bucket(bucket).key(objectKey(space, key)));
                return Optional.of(new StoredValue(
                        object.asByteArray(), contentType(object.response().contentType())));
            } catch (NoSuchKeyException absent) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void put(Space space, String key, StoredValue value) {
        call(() -> s3.putObject(
                request -> request.bucket(bucket).key(objectKey(space, key)).contentType(value.contentType()),
                RequestBody.fromBytes(value.content())));
    }

    @Override
    public boolean delete(Space space, String key) {
        String objectKey = objectKey(space, key);
        return call(() -> {
            // S3 answers a delete of nothing as a delete: only a HEAD tells whether the key was there
            boolean existed = head(objectKey).isPresent();
            s3.deleteObject(request -> request.bucket(bucket).key(objectKey));
            return existed;
        });
    }

    @Override
    public List<StoredEntry> list(Space space, String prefix) {
        String folder = root + space.wireName() + "/";
        return call(() -> {
            List<StoredEntry> entries = new ArrayList<>();
            for (S3Object object : objects(folder + prefix)) {
                if (object.key().endsWith("/")) {
                    continue; // a folder marker (consoles and some servers make them); no key ends with '/'
                }
                Optional<HeadObjectResponse> head = head(object.key());
                head.ifPresent(found -> entries.add(new StoredEntry(
                        object.key().substring(folder.length()), contentType(found.contentType()), object.size())));
            }
            return entries;
        });
    }

    @Override
    public void appendTurns(String session, List<String> turns, int keep) {
        String folder = turnsFolder(session);
        call(() -> {
            for (String turn : turns) {
                s3.putObject(
                        request -> request.bucket(bucket)
                                .key(folder + nextTurnName())
                                .contentType(TURN_TYPE),
                        RequestBody.fromString(turn, StandardCharsets.UTF_8));
            }
            List<S3Object> stored = objects(folder).stream()
                    .filter(object -> !object.key().endsWith("/"))
                    .toList();
            if (stored.size() > keep) {
                deleteAll(stored.subList(0, stored.size() - keep));
            }
            return null;
        });
    }

    @Override
    public List<String> turns(String session) {
        return call(() -> objects(turnsFolder(session)).stream()
                .filter(object -> !object.key().endsWith("/"))
                .map(object -> s3.getObjectAsBytes(
                                request -> request.bucket(bucket).key(object.key()))
                        .asUtf8String())
                .toList());
    }

    @Override
    public boolean deleteTurns(String session) {
        return call(() -> {
            List<S3Object> stored = objects(turnsFolder(session)).stream()
                    .filter(object -> !object.key().endsWith("/"))
                    .toList();
            deleteAll(stored);
            return !stored.isEmpty();
        });
    }

    @Override
    public boolean claim(String name, String owner, Duration lifetime) {
        String objectKey = root + "claims/" + name;
        return call(() -> {
            for (int round = 0; round < CLAIM_ROUNDS; round++) {
                Optional<ResponseBytes<GetObjectResponse>> held = claimOf(objectKey);
                Consumer<PutObjectRequest.Builder> condition;
                if (held.isEmpty()) {
                    condition = request -> request.ifNoneMatch("*");
                } else if (held.get().asUtf8String().equals(owner)
                        || expired(held.get().response())) {
                    String etag = held.get().response().eTag();
                    condition = request -> request.ifMatch(etag);
                } else {
                    return false;
                }
                if (putClaim(objectKey, owner, lifetime, condition)) {
                    return true;
                }
            }
            // the last write's answer may have been lost: what the object says decides
            return claimOf(objectKey)
                    .filter(held -> held.asUtf8String().equals(owner) && !expired(held.response()))
                    .isPresent();
        });
    }

    private Optional<ResponseBytes<GetObjectResponse>> claimOf(String objectKey) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(request -> request.bucket(bucket).key(objectKey)));
        } catch (NoSuchKeyException free) {
            return Optional.empty();
        }
    }

    /**
     * @return whether the server wrote it; false when the condition failed (another writer came first) or the answer
     *     was lost (a server may answer a failed condition before it read the body, and close the connection): the
     *     next read tells which
     */
    private boolean putClaim(
            String objectKey, String owner, Duration lifetime, Consumer<PutObjectRequest.Builder> condition) {
        String expires = Long.toString(System.currentTimeMillis() + lifetime.toMillis());
        try {
            s3.putObject(
                    request -> condition.accept(request.bucket(bucket)
                            .key(objectKey)
                            .contentType("text/plain; charset=utf-8")
                            .metadata(Map.of(CLAIM_EXPIRES, expires))),
                    RequestBody.fromString(owner, StandardCharsets.UTF_8));
            return true;
        } catch (S3Exception refused) {
            // 412: the condition failed; 409: AWS's answer to a conditional write racing another
            if (refused.statusCode() == 412 || refused.statusCode() == 409) {
                return false;
            }
            throw refused;
        } catch (SdkClientException unanswered) {
            return false;
        }
    }

    private static boolean expired(GetObjectResponse claim) {
        try {
            return Long.parseLong(claim.metadata().getOrDefault(CLAIM_EXPIRES, "0")) <= System.currentTimeMillis();
        } catch (NumberFormatException damaged) {
            return true;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String objectKey(Space space, String key) {
        return root + space.wireName() + "/" + key;
    }

    private String turnsFolder(String session) {
        return root + "conversations/" + session + "/";
    }

    /**
     * Names that sort in the order turns were appended (S3 lists keys in byte order): the time in microseconds,
     * this process's counter, and a random part, so that replicas appending at once do not collide.
     */
    private String nextTurnName() {
        long micros = System.currentTimeMillis() * 1000 + turnCounter.getAndIncrement() % 1000;
        return String.format("%019d-%08x", micros, ThreadLocalRandom.current().nextInt());
    }

    private List<S3Object> objects(String prefix) {
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents()
                .forEach(objects::add);
        return objects;
    }

    private Optional<HeadObjectResponse> head(String objectKey) {
        try {
            return Optional.of(s3.headObject(request -> request.bucket(bucket).key(objectKey)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception failure) {
            if (failure.statusCode() == 404) {
                return Optional.empty(); // a HEAD has no body to name the error: 404 is all it says
            }
            throw failure;
        }
    }

    /**
     * One DELETE per object: the multi-object delete needs a checksum header that not every S3-compatible server
     * implements, and trimming a conversation removes one or two turns at a time.
     */
    private void deleteAll(List<S3Object> objects) {
        objects.forEach(
                object -> s3.deleteObject(request -> request.bucket(bucket).key(object.key())));
    }

    private static String contentType(String stored) {
        return stored == null ? "application/octet-stream" : stored;
    }

    /** No answer, or a 5xx (S3's "slow down" and "internal error" included), is worth a retry; the rest is not. */
    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (NoSuchBucketException missing) {
            throw new IllegalStateException("bucket '" + bucket + "' does not exist at " + description);
        } catch (S3Exception refused) {
            if (refused.statusCode() >= 500) {
                throw new BackendUnavailableException(
                        refused.statusCode() + " " + refused.awsErrorDetails().errorMessage(), refused);
            }
            throw new IllegalStateException(description + " refused the request (" + refused.statusCode() + " "
                    + refused.awsErrorDetails().errorCode() + "): "
                    + refused.awsErrorDetails().errorMessage());
        } catch (SdkClientException unreachable) {
            throw new BackendUnavailableException(unreachable.getMessage(), unreachable);
        }
    }
}
