package io.langop.local;

/** A pod needs a ConfigMap or Secret that does not exist yet; like a kubelet, the harness waits for it. */
final class MissingObjectException extends Exception {
    MissingObjectException(String message) {
        super(message);
    }
}
