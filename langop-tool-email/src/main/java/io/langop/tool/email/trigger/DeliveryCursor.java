package io.langop.tool.email.trigger;

/**
 * How far a trigger's folder has been delivered: every message up to {@code lastUid} of the folder's incarnation
 * {@code uidValidity}. UIDs only grow within one UIDVALIDITY; a new UIDVALIDITY means the server rebuilt the folder
 * and the old UIDs mean nothing.
 */
record DeliveryCursor(long uidValidity, long lastUid) {

    DeliveryCursor after(long uid) {
        return new DeliveryCursor(uidValidity, Math.max(lastUid, uid));
    }
}
