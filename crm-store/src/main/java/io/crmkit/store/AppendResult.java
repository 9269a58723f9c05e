package io.crmkit.store;

/**
 * What an append did.
 *
 * @param complaintId the complaint
 * @param version the stream's version after the append: its number of events
 * @param headHash the hash of the stream's last event after the append
 * @param duplicate true if the idempotency key had been appended before, so nothing was written
 *        now and {@code version}/{@code headHash} are those of that earlier append
 */
public record AppendResult(String complaintId, long version, String headHash, boolean duplicate) {
}
