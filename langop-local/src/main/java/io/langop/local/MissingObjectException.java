package io.langop.local;

/**
 * A pod needs a ConfigMap or Secret (or a key in one) that does not exist yet; like a kubelet, the harness waits
 * for it. The message names the object and how to make it.
 */
final class MissingObjectException extends Exception {

    private MissingObjectException(String message) {
        super(message);
    }

    static MissingObjectException secret(String namespace, String name, String key) {
        String value = key == null ? "KEY=VALUE" : key + "=VALUE";
        return new MissingObjectException("Secret " + namespace + "/" + name + (key == null ? "" : " (key " + key + ")")
                + "; create it, e.g. kubectl -n " + namespace + " create secret generic " + name + " --from-literal="
                + value);
    }

    static MissingObjectException configMap(String namespace, String name, String key) {
        String value = key == null ? "KEY=VALUE" : key + "=VALUE";
        return new MissingObjectException("ConfigMap " + namespace + "/" + name
                + (key == null ? "" : " (key " + key + ")") + "; create it, e.g. kubectl -n " + namespace
                + " create configmap " + name + " --from-literal=" + value);
    }
}
