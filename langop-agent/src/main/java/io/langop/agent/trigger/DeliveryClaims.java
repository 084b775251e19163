package io.langop.agent.trigger;

/**
 * Where the replicas of an agent agree which of them runs a delivery: a delivery id that the Service sent to two pods
 * is kept by both journals, and the first to start its run claims it.
 */
@FunctionalInterface
public interface DeliveryClaims {

    /** One replica, or a store only this pod sees (the workspace): the journal's own delivery ids are all there is. */
    DeliveryClaims PER_POD = (deliveryId, claimant) -> true;

    /**
     * Claims a delivery for a run of this pod.
     *
     * @param claimant who runs it: the same for every attempt of one kept event (kept with it on disk), so that a pod
     *     that ended mid-run and runs the event again finds the claim its own
     * @return false when another replica claimed the delivery: it runs (or ran) there, not here
     * @throws InterruptedException when the agent stops while the claim is being tried
     */
    boolean claim(String deliveryId, String claimant) throws InterruptedException;
}
