package io.crmkit.store;

import io.crmkit.core.customer.PersonalData;

/**
 * A write expected a complaint's stream (or a customer's file) at one version but another writer
 * had moved it on: nothing was written. Load it again, re-apply the command or change and write
 * with the new version (the EventStoreDB / Marten optimistic-concurrency contract).
 */
public final class VersionConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final long expectedVersion;
    private final long currentVersion;

    VersionConflictException(String what, String id, long expectedVersion, long currentVersion) {
        // a customer id may look like a phone number or an e-mail address: the message masks it
        super(what + " " + PersonalData.maskIdentifier(id) + " is at version " + currentVersion + ", not the expected " + expectedVersion
                + ": another writer wrote first; reload and retry", null);
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** @return the complaint's (or customer's) id */
    public String id() {
        return id;
    }

    /** @return the version the writer expected */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** @return the version when the write was refused: the stream's number of events, or the file's version */
    public long currentVersion() {
        return currentVersion;
    }
}
