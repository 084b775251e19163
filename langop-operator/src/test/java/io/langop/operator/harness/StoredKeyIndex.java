package io.langop.operator.harness;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The keys of the mock API server's store, filed by resource type, namespace and name, so a request
 * for one object visits the one or two keys that can match it instead of every stored object.
 *
 * <p>Not thread-safe: {@link IndexedCrudDispatcher} reads it under the store's read lock and changes
 * it under the write lock.
 */
final class StoredKeyIndex {

    private static final String PLURAL = "plural";
    private static final String NAMESPACE = "namespace";
    private static final String NAME = "name";
    // stands for "the key has no such attribute" (cluster-scoped objects have no namespace)
    private static final Attribute ABSENT = new Attribute("langop.index.absent", "");

    private final Map<Attribute, Map<Attribute, Map<Attribute, Set<AttributeSet>>>> byTypeNamespaceName =
            new HashMap<>();

    void add(AttributeSet key) {
        byTypeNamespaceName
                .computeIfAbsent(level(key, PLURAL), p -> new HashMap<>())
                .computeIfAbsent(level(key, NAMESPACE), n -> new HashMap<>())
                .computeIfAbsent(level(key, NAME), n -> new LinkedHashSet<>())
                .add(key);
    }

    void remove(AttributeSet key) {
        Map<Attribute, Map<Attribute, Set<AttributeSet>>> namespaces = byTypeNamespaceName.get(level(key, PLURAL));
        if (namespaces == null) {
            return;
        }
        Map<Attribute, Set<AttributeSet>> names = namespaces.get(level(key, NAMESPACE));
        if (names == null) {
            return;
        }
        Set<AttributeSet> keys = names.get(level(key, NAME));
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            names.remove(level(key, NAME));
        }
    }

    void clear() {
        byTypeNamespaceName.clear();
    }

    /**
     * The stored keys that can match {@code query} (a superset: the caller still applies
     * {@link AttributeSet#matches}), or {@code null} when the query names no resource type and every
     * key must be tried.
     */
    Stream<AttributeSet> candidates(AttributeSet query) {
        Attribute plural = exact(query, PLURAL);
        if (plural == null) {
            return null;
        }
        Map<Attribute, Map<Attribute, Set<AttributeSet>>> namespaces =
                byTypeNamespaceName.getOrDefault(plural, Map.of());
        Attribute namespace = exact(query, NAMESPACE);
        Stream<Map<Attribute, Set<AttributeSet>>> inNamespaces =
                namespace == null ? namespaces.values().stream() : Stream.ofNullable(namespaces.get(namespace));
        Attribute name = exact(query, NAME);
        return inNamespaces.flatMap(names -> name == null
                ? names.values().stream().flatMap(Set::stream)
                : names.getOrDefault(name, Set.of()).stream());
    }

    private static Attribute level(AttributeSet key, String attribute) {
        Attribute value = key.getAttribute(attribute);
        return value == null ? ABSENT : value;
    }

    /**
     * The query's attribute when it demands equality. Attributes compare by key and values (not by
     * type), so an equality requirement can only be met by a stored key holding an equal attribute;
     * any other requirement (a selector's {@code !=}, {@code in}, ...) does not narrow the search.
     */
    private static Attribute exact(AttributeSet query, String attribute) {
        Attribute value = query.getAttribute(attribute);
        return value != null && value.getType() == AttributeType.WITH ? value : null;
    }
}
