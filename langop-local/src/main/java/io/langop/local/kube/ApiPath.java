package io.langop.local.kube;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request path of the Kubernetes API, taken apart: {@code /api/v1/namespaces/research/pods/web-0/log} is group
 * "", version v1, namespace research, resource pods, name web-0, subresource log.
 *
 * @param namespace   empty for cluster-scoped resources and lists across namespaces
 * @param name        empty for a collection
 * @param subresource empty unless the path goes on after the name ({@code status}, {@code log}, ...)
 */
record ApiPath(
        String group,
        String version,
        Optional<String> namespace,
        String resource,
        Optional<String> name,
        Optional<String> subresource) {

    /** The path of a resource or collection, or empty for anything else (discovery, unknown paths). */
    static Optional<ApiPath> parse(String path) {
        List<String> parts = Arrays.stream(path.split("/", -1))
                .filter(part -> !part.isEmpty())
                .toList();
        int rest;
        String group;
        String version;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            rest = 2;
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            rest = 3;
        } else {
            return Optional.empty();
        }
        List<String> tail = parts.subList(rest, parts.size());
        Optional<String> namespace = Optional.empty();
        // namespaces/NAME/RESOURCE... is inside a namespace; namespaces[/NAME[/status|finalize]] is the Namespace
        if (tail.size() >= 3 && tail.get(0).equals("namespaces") && !isNamespaceSubresource(tail.get(2))) {
            namespace = Optional.of(tail.get(1));
            tail = tail.subList(2, tail.size());
        }
        if (tail.isEmpty() || tail.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(
                group,
                version,
                namespace,
                tail.get(0),
                tail.size() > 1 ? Optional.of(tail.get(1)) : Optional.empty(),
                tail.size() > 2 ? Optional.of(tail.get(2)) : Optional.empty()));
    }

    private static boolean isNamespaceSubresource(String part) {
        return part.equals("status") || part.equals("finalize");
    }

    /** {@code apps/v1}, or {@code v1} for the core group. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    boolean isCollection() {
        return name.isEmpty();
    }

    /** The path of the collection this path is in (in its namespace, if it names one). */
    String collectionPath() {
        return (group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version)
                + namespace.map(ns -> "/namespaces/" + ns).orElse("") + "/" + resource;
    }
}
