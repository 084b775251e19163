package io.langop.operator.harness;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.lang.reflect.Field;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.stream.Stream;

/**
 * Test infrastructure: fabric8's CRUD dispatcher (7.5.x) with its store indexed by resource type,
 * namespace and name.
 *
 * <p>The stock dispatcher answers every create, update, patch and get-by-name by testing every stored
 * object against the request under one lock, and each test compares attribute lists linearly: with a
 * few thousand objects (the operator benchmark) a create costs milliseconds and the whole run becomes
 * quadratic. Here those lookups go through a {@link StoredKeyIndex}; everything else — resource
 * versions, generation, status subresource, JSON/merge patches, 409s, finalizers, watches — is still
 * the stock code, which calls {@link #findResource} and {@link #processEvent} for every lookup and
 * change of the store. Lists and deletes still scan the store (informers list once; deletes are rare).
 */
public final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private static final System.Logger LOG = System.getLogger(IndexedCrudDispatcher.class.getName());

    private final StoredKeyIndex index = new StoredKeyIndex();
    private final ReadWriteLock storeLock = storeLock();

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        // called by the stock handlers with the store's lock held
        Stream<AttributeSet> candidates = index.candidates(query);
        if (candidates == null) {
            return super.findResource(query);
        }
        return candidates
                .filter(key -> key.matches(query))
                .findFirst()
                .map(key -> Map.entry(key, map.get(key)))
                .orElse(null);
    }

    @Override
    public MockResponse handleGet(String path) {
        AttributeSet query = getKey(path);
        if (path.contains("watch=true") || !query.containsKey(KubernetesAttributesExtractor.NAME)) {
            return super.handleGet(path);
        }
        // a get by name answers with the first match or 404, like the stock dispatcher
        Map.Entry<AttributeSet, String> found = locked(storeLock.readLock(), () -> findResource(query));
        return found == null
                ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                : new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(found.getValue());
    }

    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        // called by the stock handlers with the store's write lock held
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (oldAttributes != null) {
            index.remove(oldAttributes);
        }
        if (newState != null) {
            AttributeSet stored = storedKey(pathAttributes, resource, newState);
            if (map.containsKey(stored)) {
                index.add(stored);
            } else {
                LOG.log(System.Logger.Level.WARNING, "stored key not derived as fabric8 does; re-indexing the store");
                reindex();
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        locked(storeLock.writeLock(), () -> {
            index.clear();
            return null;
        });
    }

    /** The key the stock {@code processEvent} files {@code newState} under (same derivation). */
    private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
        return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
    }

    private void reindex() {
        index.clear();
        List<AttributeSet> keys;
        synchronized (map) {
            keys = List.copyOf(map.keySet());
        }
        keys.forEach(index::add);
    }

    private static <T> T locked(Lock lock, java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The stock dispatcher's lock over its store: gets by name answered here must not see the store
     * between the removal and the insertion of an update. fabric8 keeps it private; if a fabric8
     * upgrade renames it, this fails at start with the field's name.
     */
    private ReadWriteLock storeLock() {
        try {
            Field field = KubernetesCrudDispatcher.class.getDeclaredField("lock");
            field.setAccessible(true);
            return (ReadWriteLock) field.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fabric8's KubernetesCrudDispatcher has no field 'lock' any more", e);
        }
    }
}
