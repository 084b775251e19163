package io.langop.local;

/** Hears what happens to the pods the {@link PodRunner} plays: the lines their {@code pod.log} gets. */
@FunctionalInterface
public interface PodListener {

    PodListener NONE = (namespace, pod, message) -> {};

    void podEvent(String namespace, String pod, String message);
}
