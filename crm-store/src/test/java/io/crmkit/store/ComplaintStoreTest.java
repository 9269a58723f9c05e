package io.crmkit.store;

import static io.crmkit.store.Fixtures.LI_NA_OWNER;
import static io.crmkit.store.Fixtures.WANG;
import static io.crmkit.store.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.complaint.ComplaintStatistics;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.store.TestDatabases.Db;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The complaint event store: append with expected version, idempotency, replay, time travel, queries. */
class ComplaintStoreTest {

    static Complaint investigating(String id) {
        return Fixtures.received(id).assign(at(10), LI_NA_OWNER, "wang.wei").acknowledge(at(20), WANG)
                .startInvestigation(at(30), WANG);
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void appendedEventsLoadBackToAnEqualComplaintAndEarlierInstantsTimeTravel(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        ComplaintStore complaints = store.complaints();
        Complaint received = Fixtures.received("CP-1");
        assertEquals(new AppendResult("CP-1", 1, received.headHash(), false), complaints.append(received, 0, "cmd-1"));
        Complaint c = investigating("CP-1");
        assertEquals(4, complaints.append(c, 1, "cmd-2").version());
        Complaint closed = c.proposeResolution(at(40), WANG).customerAccepts(at(50), WANG)
                .close(at(60).plusNanos(7), WANG, 4, "wiring");
        closed = closed.apply(closed.lastEvent().command().trigger() == ComplaintTrigger.CLOSE
                ? ComplaintCommand.of(ComplaintTrigger.REOPEN, at(70), WANG).withNote(Fixtures.NOTE) : null);
        complaints.append(closed, 4, "cmd-3");

        Complaint loaded = complaints.load("CP-1").orElseThrow();
        assertEquals(closed, loaded);
        assertEquals(closed.headHash(), loaded.headHash());
        assertEquals(closed.history(), loaded.history());
        assertEquals(8, complaints.version("CP-1"));

        assertEquals(Optional.of(c), complaints.load("CP-1", at(35)));
        assertEquals(Optional.of(received), complaints.load("CP-1", at(0)));
        assertEquals(Optional.empty(), complaints.load("CP-1", at(-1)));
        assertEquals(closed.asOf(at(60).plusNanos(7)), complaints.load("CP-1", at(60).plusNanos(7)));
        assertEquals(closed.asOf(at(60)), complaints.load("CP-1", at(60)));
        assertEquals(Optional.empty(), complaints.load("CP-2"));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aStaleExpectedVersionGetsAConflictNamingTheCurrentVersionAndWritesNothing(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        ComplaintStore complaints = store.complaints();
        Complaint received = Fixtures.received("CP-1");
        complaints.append(received, 0, "cmd-1");
        Complaint assigned = received.assign(at(10), LI_NA_OWNER, "wang.wei");
        complaints.append(assigned, 1, "cmd-2");
        Complaint other = received.assign(at(11), LI_NA_OWNER, "li.na");
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> complaints.append(other, 1, "cmd-3"));
        assertEquals(2, e.currentVersion());
        assertEquals(1, e.expectedVersion());
        assertEquals("complaint CP-1 is at version 2, not the expected 1: another writer wrote first; reload and "
                + "retry", e.getMessage());
        assertEquals(assigned, complaints.load("CP-1").orElseThrow());
        VersionConflictException again = assertThrows(VersionConflictException.class,
                () -> complaints.append(Fixtures.received("CP-1"), 0, "cmd-4"));
        assertEquals(2, again.currentVersion());
        assertThrows(VersionConflictException.class, () -> complaints.append(investigating("CP-1"), 3, "cmd-5"));
        assertEquals(assigned, complaints.load("CP-1").orElseThrow());
        assertEquals("wang.wei", complaints.open(null, null, null).get(0).owner());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aRetriedIdempotencyKeyIsANoOpReturningTheFirstResult(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        ComplaintStore complaints = store.complaints();
        Complaint received = Fixtures.received("CP-1");
        AppendResult first = complaints.append(received, 0, "cmd-1");
        AppendResult retried = complaints.append(received, 0, "cmd-1");
        assertEquals(new AppendResult("CP-1", 1, first.headHash(), true), retried);
        Complaint assigned = received.assign(at(10), LI_NA_OWNER, "wang.wei");
        complaints.append(assigned, 1, "cmd-2");
        assertTrue(complaints.append(received, 0, "cmd-1").duplicate(), "even once the stream moved on");
        assertEquals(2, complaints.version("CP-1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complaints.append(Fixtures.received("CP-2"), 0, "cmd-1"));
        assertEquals("idempotencyKey cmd-1 was used for complaint CP-1, not CP-2", e.getMessage());

        Complaint viaApply = complaints.apply("CP-1", ComplaintCommand.of(ComplaintTrigger.ACKNOWLEDGE, at(20), WANG),
                "cmd-3");
        assertEquals(ComplaintState.ACKNOWLEDGED, viaApply.state());
        assertEquals(viaApply, complaints.apply("CP-1", ComplaintCommand.of(ComplaintTrigger.ACKNOWLEDGE, at(20), WANG),
                "cmd-3"));
        assertEquals(3, complaints.version("CP-1"));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void eventsThatDoNotContinueTheStreamAreRefused(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        ComplaintStore complaints = store.complaints();
        Complaint received = Fixtures.received("CP-1");
        complaints.append(received, 0, "cmd-1");
        Complaint elsewhere = Complaint.receive(Fixtures.intake("CP-1"), at(1), Fixtures.LI_NA)
                .assign(at(10), LI_NA_OWNER, "wang.wei");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> complaints.append("CP-1", 1, elsewhere.history().subList(1, 2), "cmd-2"));
        assertTrue(e.getMessage().startsWith("the events do not continue complaint CP-1 at version 1"), e.getMessage());
        IllegalArgumentException notReceive = assertThrows(IllegalArgumentException.class,
                () -> complaints.append("CP-9", 0, investigating("CP-9").history().subList(1, 2), "cmd-3"));
        assertEquals("complaint CP-9 is not stored: its first event must be a receive, not assign",
                notReceive.getMessage());
        assertEquals(1, complaints.version("CP-1"));
        assertEquals(0, complaints.version("CP-9"));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void anEditedOrTruncatedStoredStreamIsDetectedOnLoad(Db db) throws Exception {
        DataSource ds = db.fresh();
        CrmStore store = Fixtures.open(ds);
        store.complaints().append(investigating("CP-1"), 0, "cmd-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE crm_complaint_event SET actor_id = 'li.na' WHERE complaint_id = 'CP-1' AND seq = 3");
        }
        StoreCorruptedException edited = assertThrows(StoreCorruptedException.class,
                () -> store.complaints().load("CP-1"));
        assertTrue(edited.getMessage().startsWith("stored stream of complaint CP-1 does not replay"),
                edited.getMessage());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE crm_complaint_event SET actor_id = 'wang.wei' WHERE complaint_id = 'CP-1' AND seq = 3");
            s.executeUpdate("DELETE FROM crm_complaint_event WHERE complaint_id = 'CP-1' AND seq = 4");
            s.executeUpdate("UPDATE crm_complaint SET version = 3 WHERE complaint_id = 'CP-1'");
        }
        StoreCorruptedException truncated = assertThrows(StoreCorruptedException.class,
                () -> store.complaints().load("CP-1"));
        assertTrue(truncated.getMessage().contains("hash"), truncated.getMessage());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void queriesFindOpenComplaintsByStateCategoryOwnerCustomerAndSlaDue(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        ComplaintStore complaints = store.complaints();
        complaints.append(investigating("CP-1"), 0, "a");
        complaints.append(Fixtures.received("CP-2"), 0, "b");
        Complaint closed = investigating("CP-3").proposeResolution(at(40), WANG).customerAccepts(at(50), WANG)
                .close(at(60), WANG, 5, "wiring");
        complaints.append(closed, 0, "c");

        assertEquals(List.of("CP-1", "CP-2"), ids(complaints.open(null, null, null)));
        assertEquals(List.of("CP-1"), ids(complaints.open(ComplaintState.INVESTIGATING, null, null)));
        assertEquals(List.of("CP-1"), ids(complaints.open(null, ComplaintCategory.FAULT_IN_USE, "wang.wei")));
        assertEquals(List.of("CP-2"), ids(complaints.open(null, null, "li.na")));
        assertEquals(List.of(), ids(complaints.open(null, ComplaintCategory.PRICE_DISPUTE, null)));
        assertEquals(List.of("CP-1", "CP-2", "CP-3"), ids(complaints.ofCustomer(CustomerId.of("c-17"))));
        assertEquals(Optional.of(at(60)), complaints.ofCustomer(CustomerId.of("c-17")).get(2).closedAt());

        // due: whatever Complaint.sla says, the store selects the same complaints
        Instant asOf = at(24 * 60);
        for (Duration window : List.of(Duration.ZERO, Duration.ofHours(4), Duration.ofDays(30))) {
            List<String> expected = List.of(investigating("CP-1"), Fixtures.received("CP-2")).stream()
                    .filter(c -> c.sla(asOf).stream().anyMatch(s -> s.isBreached()
                            || s.dueAt().map(d -> !d.isAfter(asOf.plus(window))).orElse(false)))
                    .map(Complaint::id).sorted().toList();
            assertEquals(expected, complaints.breachingWithin(window, asOf).stream().map(Complaint::id).sorted()
                    .toList(), "window " + window);
        }
        assertFalse(complaints.breachingWithin(Duration.ofDays(30), asOf).isEmpty(), "something is due in 30 days");

        List<Complaint> input = complaints.receivedBetween(Fixtures.T0, at(1));
        ComplaintStatistics stats = ComplaintStatistics.of(input, at(100));
        assertEquals(3, stats.total());
        assertEquals(2, stats.open());
    }

    /** A complaint of a given customer, received at minute {@code i}, with a note when i is even. */
    private static Complaint ofCustomer(int i, String customer) {
        ComplaintIntake intake = ComplaintIntake.builder().id("CP-" + i).customer(CustomerId.of(customer))
                .channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH)
                .description(i % 3 == 0 ? "" : "call me on " + Fixtures.PHONE).build();
        Complaint c = Complaint.receive(intake, at(i), Fixtures.LI_NA);
        if (i % 4 != 3) {
            c = c.assign(at(i + 10), LI_NA_OWNER, "wang.wei").acknowledge(at(i + 20), WANG);
        }
        if (i % 2 == 0) {
            c = c.startInvestigation(at(i + 30), WANG);
            c = c.apply(ComplaintCommand.of(ComplaintTrigger.REQUEST_INFORMATION, at(i + 40), WANG).withNote(Fixtures.NOTE));
        }
        return c;
    }

    /**
     * The list queries load their complaints in a fixed number of queries (the summaries, then for
     * the whole list their heads, their customers' data keys and their events), not three queries
     * a complaint, and each loads exactly as {@link ComplaintStore#load(String, Instant)} does:
     * erased customers' texts erased, time travel to the instant.
     */
    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void listQueriesLoadAllTheirComplaintsInAFixedNumberOfQueries(Db db) {
        CountingDataSource counting = new CountingDataSource(db.fresh());
        CrmStore store = Fixtures.open(counting.dataSource);
        ComplaintStore complaints = store.complaints();
        int n = 40;
        for (int i = 0; i < n; i++) {
            complaints.append(ofCustomer(i, "c-" + (i % 7)), 0, "k" + i);
        }
        store.erase(CustomerId.of("c-3"));

        List<Complaint> one = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            one.add(complaints.load("CP-" + i).orElseThrow());
        }
        assertTrue(one.get(3).intake().description().isEmpty() && one.get(10).intake().description()
                .equals(ComplaintStore.ERASED), "c-3 was erased: its texts read " + ComplaintStore.ERASED);
        counting.reset();
        List<Complaint> all = complaints.receivedBetween(Fixtures.T0, at(n));
        assertEquals(one, all);
        assertEquals(4, counting.queries.get(), "receivedBetween: queries for " + n + " complaints");

        for (Instant asOf : List.of(at(25), at(24 * 60))) {
            counting.reset();
            List<Complaint> due = complaints.breachingWithin(Duration.ofDays(30), asOf);
            assertEquals(4, counting.queries.get(), "breachingWithin: queries for " + n + " complaints");
            assertFalse(due.isEmpty());
            for (Complaint c : due) {
                assertEquals(complaints.load(c.id(), asOf).orElseThrow(), c, c.id() + " as of " + asOf);
            }
            List<String> open = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                complaints.load("CP-" + i, asOf).filter(Complaint::isOpen).filter(c -> c.sla(asOf).stream()
                        .anyMatch(st -> st.isBreached() || st.dueAt().map(d -> !d.isAfter(asOf.plus(Duration.ofDays(30))))
                                .orElse(false))).ifPresent(c -> open.add(c.id()));
            }
            assertEquals(open.stream().sorted().toList(), due.stream().map(Complaint::id).sorted().toList());
        }
    }

    /** A complaint without personal text leaves its customer without a data key; its head is checked all the same. */
    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aComplaintWithoutPersonalTextIsCheckedAgainstItsStoredHead(Db db) throws Exception {
        DataSource ds = db.fresh();
        CrmStore store = Fixtures.open(ds);
        Complaint plain = ofCustomer(3, "c-plain");
        store.complaints().append(plain, 0, "k");
        assertFalse(store.isErased(CustomerId.of("c-plain")));
        assertEquals(plain, store.complaints().load("CP-3").orElseThrow());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // received a nanosecond later: a valid stream, only the stored head tells
            s.executeUpdate("UPDATE crm_complaint_event SET at_n = 1 WHERE complaint_id = 'CP-3' AND seq = 1");
        }
        assertThrows(StoreCorruptedException.class, () -> store.complaints().load("CP-3"));
        assertThrows(StoreCorruptedException.class, () -> store.complaints().receivedBetween(Fixtures.T0, at(10)));
    }

    private static List<String> ids(List<ComplaintSummary> summaries) {
        return summaries.stream().map(ComplaintSummary::id).toList();
    }
}
