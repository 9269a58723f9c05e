package io.crmkit.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintEvent;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.ComplaintWorkflow;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.ClockState;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaStatus;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Complaint event streams: one stream per complaint, each {@link ComplaintEvent} one row with its
 * sequence number (1 for the {@code receive}), plus one index row per complaint (state, owner,
 * category, customer, version and the head of the hash chain) for queries.
 *
 * <p><b>Appending</b> follows the optimistic-concurrency contract of EventStoreDB and Marten: the
 * writer names the version it expects (the number of events it has seen); if another writer
 * moved the stream on, the append throws {@link VersionConflictException} naming the current
 * version and writes nothing. The events of one append are written in one transaction, and an
 * idempotency key per command makes a retried append a no-op that returns the first append's
 * result. Appended events must continue the stored stream: their states follow on from its last
 * state and their hash chain from its head.
 *
 * <p><b>Loading</b> replays the stream with {@link Complaint#replay(ComplaintWorkflow, Iterable,
 * String)} against the stored head hash, so any edited, dropped or reordered event is detected
 * ({@link StoreCorruptedException}). Free texts (the intake's description and command notes) are
 * personal data: they are sealed with the customer's data key; after {@link CrmStore#erase} the
 * complaint still loads, with those texts replaced by {@link #ERASED} (the hash chain is then
 * recomputed and cannot be checked against the stored head), and no more events can be appended.
 *
 * <p>Thread-safe. Obtain from {@link CrmStore#complaints()}.
 */
public final class ComplaintStore {

    /** Replaces a non-empty description or a note of an erased customer's complaint. */
    public static final String ERASED = "[erased]";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_KEY = 200;
    /** Appends tried against concurrent writers of rows other than the stream's before giving up. */
    private static final int RACE_ATTEMPTS = 20;

    private final CrmStore store;
    private final ComplaintWorkflow workflow;

    ComplaintStore(CrmStore store) {
        this(store, ComplaintWorkflow.standard());
    }

    private ComplaintStore(CrmStore store, ComplaintWorkflow workflow) {
        this.store = store;
        this.workflow = workflow;
    }

    /**
     * Returns a view of the same streams that replays and applies commands on another workflow.
     *
     * @param other the workflow the stored complaints were recorded on
     * @return the view
     */
    public ComplaintStore withWorkflow(ComplaintWorkflow other) {
        return new ComplaintStore(store, requireNonNull(other, "workflow"));
    }

    /**
     * Appends the events of one command (or several) to a complaint's stream, in one transaction.
     *
     * @param complaintId the complaint's id
     * @param expectedVersion the number of events the writer has seen: 0 to start a new stream
     * @param events the new events, oldest first, as recorded by {@link Complaint#apply} on the
     *        complaint at {@code expectedVersion}; not empty
     * @param idempotencyKey the command's key, unique per command (at most 200 characters): an
     *        append with a key already appended writes nothing and returns that append's result
     * @return the stream's new version and head hash
     * @throws VersionConflictException if the stream is not at {@code expectedVersion}; nothing is written
     * @throws IllegalArgumentException if the events do not continue the stream (first event not a
     *         {@code receive} of this complaint, states or hash chain not following on), the stream
     *         with them would not replay on this store's workflow (see
     *         {@link Complaint#replay(ComplaintWorkflow, Iterable)}: nothing is written that could
     *         not be loaded again), or the key was used for another complaint
     * @throws CustomerErasedException if the complaint's customer was erased
     * @throws StoreException if the database fails
     */
    public AppendResult append(String complaintId, long expectedVersion, List<ComplaintEvent> events,
            String idempotencyKey) {
        return append(complaintId, expectedVersion, events, idempotencyKey, true);
    }

    private AppendResult append(String complaintId, long expectedVersion, List<ComplaintEvent> events,
            String idempotencyKey, boolean replayFirst) {
        requireNonNull(complaintId, "complaintId");
        requireNonNull(events, "events");
        requireNonNull(idempotencyKey, "idempotencyKey");
        checkArgument(expectedVersion >= 0, "expectedVersion %s of complaint %s is negative", expectedVersion,
                complaintId);
        checkArgument(!events.isEmpty(), "no events to append to complaint %s", complaintId);
        checkArgument(!idempotencyKey.isBlank() && idempotencyKey.length() <= MAX_KEY,
                "idempotencyKey of complaint %s must be 1 to %s characters", complaintId, MAX_KEY);
        List<ComplaintEvent> batch = List.copyOf(events);
        checkChained(complaintId, batch);
        for (int attempt = 1;; attempt++) {
            try {
                return store.inTransaction("appending complaint events",
                        c -> append(c, complaintId, expectedVersion, batch, idempotencyKey, replayFirst));
            } catch (StoreException e) {
                if (e instanceof VersionConflictException || !(e.getCause() instanceof SQLException sql)
                        || !isRace(sql)) {
                    throw e;
                }
                // another writer won a race the database resolved by refusing this transaction: either it
                // appended to this stream (a conflict, or this very command retried), or it wrote a row this
                // append also needed (the customer's first data key, the index row of a new stream), and the
                // append is tried again on what it wrote
                boolean last = attempt == RACE_ATTEMPTS;
                Optional<AppendResult> settled = store.inTransaction("settling a concurrent complaint append", c -> {
                    Optional<AppendResult> done = recorded(c, idempotencyKey, complaintId);
                    if (done.isPresent()) {
                        return done;
                    }
                    long current = head(c, complaintId).map(h -> h.version).orElse(0L);
                    if (current != expectedVersion || last) {
                        throw new VersionConflictException("complaint", complaintId, expectedVersion, current);
                    }
                    return Optional.<AppendResult>empty();
                });
                if (settled.isPresent()) {
                    return settled.get();
                }
            }
        }
    }

    /**
     * Appends what a complaint recorded after a stored version: its events from number
     * {@code expectedVersion + 1} on.
     *
     * @param complaint the complaint after the command(s)
     * @param expectedVersion the stored version the complaint was loaded at
     * @param idempotencyKey the command's key (see {@link #append(String, long, List, String)})
     * @return the stream's new version and head hash
     * @throws VersionConflictException if the stream is not at {@code expectedVersion}
     * @throws IllegalArgumentException if the complaint has no events after {@code expectedVersion},
     *         or it follows another workflow and its history would not replay on this store's
     * @throws StoreException if the database fails
     */
    public AppendResult append(Complaint complaint, long expectedVersion, String idempotencyKey) {
        requireNonNull(complaint, "complaint");
        checkArgument(expectedVersion >= 0 && expectedVersion < complaint.eventCount(),
                "complaint %s has %s events: nothing after version %s to append", complaint.id(),
                complaint.eventCount(), expectedVersion);
        List<ComplaintEvent> history = complaint.history();
        // a complaint made by commands on this store's workflow replays by construction; on another
        // workflow its history is replayed on this one before anything is written
        return append(complaint.id(), expectedVersion, history.subList((int) expectedVersion, history.size()),
                idempotencyKey, complaint.workflow() != workflow);
    }

    /**
     * Loads a complaint, applies a command and appends its event: the usual way a service runs a
     * command. A {@code receive} command starts a new stream. A retried key returns the stored
     * complaint without applying the command again.
     *
     * @param command the command; for every trigger but {@code receive}, the complaint must be stored
     * @param complaintId the complaint's id (the intake's id for {@code receive})
     * @param idempotencyKey the command's key
     * @return the complaint after the command
     * @throws VersionConflictException if another writer appended between the load and the append
     * @throws io.crmkit.lifecycle.complaint.ComplaintRefusedException if the workflow refuses the command
     * @throws IllegalArgumentException if the complaint is not stored (or already is, for {@code receive})
     * @throws StoreException if the database fails
     */
    public Complaint apply(String complaintId, ComplaintCommand command, String idempotencyKey) {
        requireNonNull(complaintId, "complaintId");
        requireNonNull(command, "command");
        requireNonNull(idempotencyKey, "idempotencyKey");
        Optional<AppendResult> done = store.inTransaction("reading an idempotency key",
                c -> recorded(c, idempotencyKey, complaintId));
        if (done.isPresent()) {
            return load(complaintId).orElseThrow();
        }
        Complaint next;
        long expected;
        if (command.trigger() == ComplaintTrigger.RECEIVE) {
            checkArgument(command.intake().map(ComplaintIntake::id).orElse("").equals(complaintId),
                    "receive command is for complaint %s, not %s", command.intake().map(ComplaintIntake::id)
                            .orElse("?"), complaintId);
            next = Complaint.receive(workflow, command);
            expected = 0;
        } else {
            Complaint current = load(complaintId).orElseThrow(() -> new IllegalArgumentException(
                    "complaint " + complaintId + " is not stored: receive it first"));
            next = current.apply(command);
            expected = current.eventCount();
        }
        append(next, expected, idempotencyKey);
        return next;
    }

    private static void checkChained(String complaintId, List<ComplaintEvent> batch) {
        for (int i = 0; i < batch.size(); i++) {
            ComplaintEvent e = requireNonNull(batch.get(i), "event");
            if (i > 0) {
                ComplaintEvent before = batch.get(i - 1);
                checkArgument(e.from() == before.to() && e.previousHash().equals(before.hash()),
                        "event %s of the append to complaint %s does not follow event %s: its state and previous "
                                + "hash must continue the stream", i + 1, complaintId, i);
            }
            e.command().intake().ifPresent(in -> checkArgument(in.id().equals(complaintId),
                    "receive of complaint %s appended to complaint %s", in.id(), complaintId));
        }
    }

    /** The index row of a complaint as read inside a transaction. */
    private static final class Head {
        long version;
        String hash;
        ComplaintState state;
        String owner;
        CustomerId customer;
        long closedS;
        boolean closed;
    }

    private AppendResult append(Connection c, String id, long expected, List<ComplaintEvent> batch, String key,
            boolean replayFirst) throws SQLException {
        Optional<AppendResult> done = recorded(c, key, id);
        if (done.isPresent()) {
            return done.get();
        }
        Optional<Head> stored = headForUpdate(c, id);
        long current = stored.map(h -> h.version).orElse(0L);
        if (current != expected) {
            throw new VersionConflictException("complaint", id, expected, current);
        }
        ComplaintEvent first = batch.get(0);
        Head head;
        if (stored.isEmpty()) {
            ComplaintIntake intake = first.command().intake().orElseThrow(() -> new IllegalArgumentException(
                    "complaint " + id + " is not stored: its first event must be a receive, not "
                            + first.trigger().commandName()));
            checkArgument(first.previousHash().equals(ComplaintEvent.GENESIS) && first.from() == ComplaintState.NEW,
                    "the receive of complaint %s must start the hash chain from NEW", id);
            head = new Head();
            head.customer = intake.customer();
            head.owner = first.actor().id();
            insertIndex(c, id, intake, first);
        } else {
            head = stored.get();
            if (store.vault().dataKey(c, head.customer).map(Optional::isEmpty).orElse(false)) {
                throw new CustomerErasedException(head.customer, "complaint " + id + " is read-only");
            }
            checkArgument(first.trigger() != ComplaintTrigger.RECEIVE, "complaint %s is already stored: receive "
                    + "starts a stream", id);
            checkArgument(first.from() == head.state && first.previousHash().equals(head.hash),
                    "the events do not continue complaint %s at version %s: the first starts from %s with previous "
                            + "hash %s, the stream is %s with head %s", id, current, first.from(),
                    first.previousHash().substring(0, 12), head.state, head.hash.substring(0, 12));
        }
        if (replayFirst) {
            checkReplays(c, id, stored, batch);
        }
        Optional<SecretKey> key0 = Optional.empty();
        boolean needsKey = batch.stream().anyMatch(ComplaintStore::hasPersonalText);
        if (needsKey) {
            CustomerId customer = head.customer;
            key0 = Optional.of(store.vault().dataKeyForWriting(c, customer).orElseThrow(() ->
                    new CustomerErasedException(customer, "no personal text can be stored for complaint " + id)));
        } else if (stored.isEmpty() && store.vault().dataKey(c, head.customer).map(Optional::isEmpty).orElse(false)) {
            throw new CustomerErasedException(head.customer, "no complaint can be received for it");
        }
        insertEvents(c, id, head.customer, current, batch, key0);
        ComplaintEvent last = batch.get(batch.size() - 1);
        String owner = head.owner;
        boolean closed = head.closed;
        long closedS = head.closedS;
        for (ComplaintEvent e : batch) {
            owner = e.command().assignee().orElse(owner);
            if (e.to() == ComplaintState.CLOSED && e.from() != ComplaintState.CLOSED) {
                closed = true;
                closedS = e.at().getEpochSecond();
            }
        }
        closed &= last.to() == ComplaintState.CLOSED;
        long next = current + batch.size();
        try (PreparedStatement s = c.prepareStatement("UPDATE crm_complaint SET version = ?, head_hash = ?, state = ?, "
                + "owner = ?, last_event_s = ?, closed_s = ? WHERE complaint_id = ? AND version = ?")) {
            s.setLong(1, next);
            s.setString(2, last.hash());
            s.setString(3, last.to().name());
            s.setString(4, owner);
            s.setLong(5, last.at().getEpochSecond());
            if (closed) {
                s.setLong(6, closedS);
            } else {
                s.setNull(6, java.sql.Types.BIGINT);
            }
            s.setString(7, id);
            s.setLong(8, stored.isEmpty() ? 0 : current);
            if (s.executeUpdate() != 1) {
                throw new VersionConflictException("complaint", id, expected, head(c, id).map(h -> h.version)
                        .orElse(0L));
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_command (idempotency_key, complaint_id, "
                + "first_seq, last_seq, head_hash) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, id);
            s.setLong(3, current + 1);
            s.setLong(4, next);
            s.setString(5, last.hash());
            s.executeUpdate();
        }
        return new AppendResult(id, next, last.hash(), false);
    }

    /**
     * Refuses events after which the stream would not replay, so every stored stream loads: the
     * stored events (read in this transaction, which holds the stream's index row) and the new
     * ones are replayed together on this store's workflow before anything is written.
     */
    private void checkReplays(Connection c, String id, Optional<Head> stored, List<ComplaintEvent> batch)
            throws SQLException {
        List<ComplaintEvent> history = new ArrayList<>();
        if (stored.isPresent()) {
            history.addAll(replay(c, id, stored.get(), null).orElseThrow().history());
        }
        history.addAll(batch);
        try {
            Complaint.replay(workflow, history);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the events cannot be appended to complaint " + id + ": the stream "
                    + "would not replay: " + e.getMessage(), e);
        }
    }

    private static boolean hasPersonalText(ComplaintEvent e) {
        return e.command().note().isPresent()
                || e.command().intake().map(i -> !i.description().isEmpty()).orElse(false);
    }

    private static void insertIndex(Connection c, String id, ComplaintIntake intake, ComplaintEvent first)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_complaint (complaint_id, customer_id, category, "
                + "severity, state, owner, version, head_hash, received_s, last_event_s) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, intake.customer().value());
            s.setString(3, intake.category().name());
            s.setString(4, intake.severity().name());
            s.setString(5, ComplaintState.NEW.name());
            s.setString(6, first.actor().id());
            s.setString(7, ComplaintEvent.GENESIS);
            s.setLong(8, first.at().getEpochSecond());
            s.setLong(9, first.at().getEpochSecond());
            s.executeUpdate();
        }
    }

    private void insertEvents(Connection c, String id, CustomerId customer, long current, List<ComplaintEvent> batch,
            Optional<SecretKey> key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_complaint_event (complaint_id, seq, customer_id, "
                + "command, from_state, to_state, at_s, at_n, actor_id, actor_role, hash, payload, sealed) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long seq = current;
            for (ComplaintEvent e : batch) {
                ComplaintCommand cmd = e.command();
                s.setString(1, id);
                s.setLong(2, ++seq);
                s.setString(3, customer.value());
                s.setString(4, cmd.trigger().name());
                s.setString(5, e.from().name());
                s.setString(6, e.to().name());
                s.setLong(7, cmd.at().getEpochSecond());
                s.setInt(8, cmd.at().getNano());
                s.setString(9, cmd.actor().id());
                s.setString(10, cmd.actor().role().name());
                s.setString(11, e.hash());
                s.setString(12, new String(CustomerStore.write(payload(e)), StandardCharsets.UTF_8));
                s.setBytes(13, hasPersonalText(e)
                        ? store.vault().seal(key.orElseThrow(), CustomerStore.write(texts(cmd)), customer,
                                "complaint-event " + id + "#" + seq)
                        : null);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static ObjectNode payload(ComplaintEvent e) {
        ComplaintCommand cmd = e.command();
        ObjectNode o = JSON.createObjectNode();
        cmd.intake().ifPresent(in -> {
            ObjectNode i = o.putObject("intake");
            i.put("id", in.id());
            i.put("customer", in.customer().value());
            i.put("channel", in.channel().name());
            i.put("category", in.category().name());
            i.put("severity", in.severity().name());
            in.linkedTo().ifPresent(l -> i.put("linkedTo", l));
            i.put("described", !in.description().isEmpty());
        });
        if (cmd.note().isPresent()) {
            o.put("noted", true);
        }
        cmd.assignee().ifPresent(a -> o.put("assignee", a));
        cmd.satisfaction().ifPresent(v -> o.put("satisfaction", v));
        cmd.rootCause().ifPresent(r -> o.put("rootCause", r));
        if (!e.externalGuards().isEmpty()) {
            ArrayNode g = o.putArray("externalGuards");
            e.externalGuards().forEach(g::add);
        }
        return o;
    }

    private static ObjectNode texts(ComplaintCommand cmd) {
        ObjectNode o = JSON.createObjectNode();
        cmd.intake().ifPresent(in -> o.put("description", in.description()));
        cmd.note().ifPresent(n -> o.put("note", n));
        return o;
    }

    private static Optional<AppendResult> recorded(Connection c, String key, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT complaint_id, last_seq, head_hash FROM crm_command "
                + "WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                checkArgument(r.getString(1).equals(id), "idempotencyKey %s was used for complaint %s, not %s", key,
                        r.getString(1), id);
                return Optional.of(new AppendResult(id, r.getLong(2), r.getString(3), true));
            }
        }
    }

    private static Optional<Head> headForUpdate(Connection c, String id) throws SQLException {
        return head(c, id, " FOR UPDATE");
    }

    private static Optional<Head> head(Connection c, String id) throws SQLException {
        return head(c, id, "");
    }

    private static Optional<Head> head(Connection c, String id, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEAD_COLUMNS + " FROM crm_complaint WHERE "
                + "complaint_id = ?" + lock)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(head(r)) : Optional.empty();
            }
        }
    }

    private static final String HEAD_COLUMNS = "version, head_hash, state, owner, customer_id, closed_s";

    private static Head head(ResultSet r) throws SQLException {
        Head h = new Head();
        h.version = r.getLong(1);
        h.hash = r.getString(2);
        h.state = ComplaintState.valueOf(r.getString(3));
        h.owner = r.getString(4);
        h.customer = CustomerId.of(r.getString(5));
        h.closedS = r.getLong(6);
        h.closed = !r.wasNull();
        return h;
    }

    /** Duplicate keys, serialisation failures, deadlocks and lock time-outs: a concurrent writer won. */
    static boolean isRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException x) {
                for (SQLException n = x; n != null; n = n.getNextException()) {
                    String state = n.getSQLState();
                    if (state != null && (state.startsWith("23") || state.startsWith("40") || state.equals("HYT00")
                            || n.getErrorCode() == 90131)) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Returns the version of a complaint's stream.
     *
     * @param complaintId the complaint
     * @return its number of events, 0 if it is not stored
     * @throws StoreException if the database fails
     */
    public long version(String complaintId) {
        requireNonNull(complaintId, "complaintId");
        return store.inTransaction("reading a complaint's version", c -> head(c, complaintId).map(h -> h.version).orElse(0L));
    }

    /**
     * Loads a complaint by replaying its whole stream and checking it against the stored head hash.
     *
     * @param complaintId the complaint
     * @return the complaint, equal to the one whose events were appended; empty if not stored
     * @throws StoreCorruptedException if the stream does not replay or does not end at the stored head
     * @throws StoreException if the database fails
     */
    public Optional<Complaint> load(String complaintId) {
        return load(complaintId, null);
    }

    /**
     * Loads a complaint as it was at an instant: replays its events up to and including that
     * instant.
     *
     * @param complaintId the complaint
     * @param asOf the instant
     * @return the complaint then; empty if it is not stored or was received after {@code asOf}
     * @throws StoreCorruptedException if the stream does not replay or does not end at the stored hash
     * @throws StoreException if the database fails
     */
    public Optional<Complaint> load(String complaintId, Instant asOf) {
        requireNonNull(complaintId, "complaintId");
        return store.inTransaction("loading a complaint", c -> {
            Optional<Head> head = head(c, complaintId);
            if (head.isEmpty()) {
                return Optional.<Complaint>empty();
            }
            return replay(c, complaintId, head.get(), asOf);
        });
    }

    private Optional<Complaint> replay(Connection c, String id, Head head, Instant asOf) throws SQLException {
        Optional<Optional<SecretKey>> key = store.vault().dataKey(c, head.customer);
        Stream stream = new Stream(id, head, key, asOf);
        String sql = "SELECT " + EVENT_COLUMNS + (asOf == null ? "" : ", hash") + " FROM crm_complaint_event "
                + "WHERE complaint_id = ? AND seq <= ?" + (asOf == null ? "" : AS_OF) + " ORDER BY seq";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(1000);
            s.setString(1, id);
            s.setLong(2, head.version);
            if (asOf != null) {
                bindAsOf(s, 3, asOf);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stream.add(r, asOf == null ? 0 : 11);
                }
            }
        }
        return stream.complaint();
    }

    /** The columns a replay reads, in the order {@link Stream#add} reads them. */
    private static final String EVENT_COLUMNS = "seq, command, from_state, to_state, at_s, at_n, actor_id, actor_role, "
            + "payload, sealed";
    /** Events at or before an instant (three parameters: seconds, seconds, nanoseconds). */
    private static final String AS_OF = " AND (at_s < ? OR (at_s = ? AND at_n <= ?))";
    /** Complaints loaded per query by the list queries. */
    private static final int LOAD_CHUNK = 500;

    private static void bindAsOf(PreparedStatement s, int first, Instant asOf) throws SQLException {
        s.setLong(first, asOf.getEpochSecond());
        s.setLong(first + 1, asOf.getEpochSecond());
        s.setInt(first + 2, asOf.getNano());
    }

    /**
     * Loads complaints in a number of queries that does not grow with the number of complaints
     * up to {@value #LOAD_CHUNK}: per chunk of that many, one query for their heads, one for their
     * customers' data keys and one for all their events (ordered by complaint and sequence
     * number). Each is replayed and checked as {@link #load(String, Instant)} does.
     *
     * @return the complaints in the order of the ids, those not stored (or received after asOf) left out
     */
    private List<Complaint> loadAll(Connection c, List<String> ids, Instant asOf) throws SQLException {
        List<Complaint> loaded = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += LOAD_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOAD_CHUNK));
            Map<String, Head> heads = heads(c, chunk);
            Map<CustomerId, Optional<SecretKey>> keys = store.vault().dataKeys(c,
                    heads.values().stream().map(h -> h.customer).distinct().toList());
            Map<String, Stream> streams = new HashMap<>();
            for (Map.Entry<String, Head> h : heads.entrySet()) {
                streams.put(h.getKey(), new Stream(h.getKey(), h.getValue(),
                        Optional.ofNullable(keys.get(h.getValue().customer)), asOf));
            }
            if (!heads.isEmpty()) {
                List<String> present = chunk.stream().filter(heads::containsKey).distinct().toList();
                String sql = "SELECT " + EVENT_COLUMNS + ", complaint_id" + (asOf == null ? "" : ", hash")
                        + " FROM crm_complaint_event WHERE complaint_id IN (" + marks(present.size()) + ")"
                        + (asOf == null ? "" : AS_OF) + " ORDER BY complaint_id, seq";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setFetchSize(1000);
                    for (int i = 0; i < present.size(); i++) {
                        s.setString(i + 1, present.get(i));
                    }
                    if (asOf != null) {
                        bindAsOf(s, present.size() + 1, asOf);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        Stream current = null;
                        while (r.next()) {
                            String id = r.getString(11);
                            if (current == null || !current.id.equals(id)) {
                                current = streams.get(id);
                            }
                            // events appended after the head was read belong to a later version
                            if (r.getLong(1) <= current.head.version) {
                                current.add(r, asOf == null ? 0 : 12);
                            }
                        }
                    }
                }
            }
            for (String id : chunk) {
                Stream stream = streams.remove(id);
                if (stream != null) {
                    stream.complaint().ifPresent(loaded::add);
                }
            }
        }
        return loaded;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Map<String, Head> heads(Connection c, List<String> ids) throws SQLException {
        Map<String, Head> heads = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + HEAD_COLUMNS + ", complaint_id FROM crm_complaint "
                + "WHERE complaint_id IN (" + marks(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    heads.put(r.getString(7), head(r));
                }
            }
        }
        return heads;
    }

    /** One complaint's events as they are read, checked for gaps, and replayed at the end. */
    private final class Stream {
        final String id;
        final Head head;
        /** The customer's data key, empty if it has none or was erased. */
        final Optional<SecretKey> key;
        /** Whether the customer was erased: its texts then read {@link #ERASED} and the hashes cannot be checked. */
        final boolean erased;
        final Instant asOf;
        final List<ComplaintEvent> events;
        String previous = ComplaintEvent.GENESIS;
        ComplaintEvent before;
        long expectedSeq = 1;
        /** The stored hash of the last event read, when loading as of an instant. */
        String lastHash;

        /** @param key the customer's data key as {@link PersonalDataVault#dataKey} returns it */
        Stream(String id, Head head, Optional<Optional<SecretKey>> key, Instant asOf) {
            this.id = id;
            this.head = head;
            this.key = key.flatMap(k -> k);
            this.erased = key.isPresent() && key.get().isEmpty();
            this.asOf = asOf;
            this.events = new ArrayList<>((int) Math.min(head.version, 1 << 20));
        }

        /**
         * Adds the event of the current row: {@link #EVENT_COLUMNS} first, and the stored hash in
         * column {@code hashColumn} when loading as of an instant (0 otherwise).
         */
        void add(ResultSet r, int hashColumn) throws SQLException {
            long seq = r.getLong(1);
            if (seq != expectedSeq++) {
                throw new StoreCorruptedException("complaint " + id + " misses event " + (expectedSeq - 1)
                        + ": the stream has a gap before event " + seq, null);
            }
            ComplaintEvent e = event(id, head.customer, seq, r, key, previous, before);
            events.add(e);
            before = e;
            // chained to the hash recomputed from the stored content (replay computes it anyway);
            // the stored head, or the stored hash of the last event read, is checked at the end
            previous = e.hash();
            if (hashColumn > 0) {
                lastHash = r.getString(hashColumn);
            }
        }

        Optional<Complaint> complaint() {
            if (events.isEmpty()) {
                return Optional.empty();
            }
            try {
                // the whole stream must end at the recorded head; a past instant at its event's stored hash
                String expectedHead = asOf == null ? head.hash : lastHash;
                return Optional.of(erased ? Complaint.replay(workflow, events)
                        : Complaint.replay(workflow, events, expectedHead));
            } catch (IllegalArgumentException e) {
                throw new StoreCorruptedException("stored stream of complaint " + id + " does not replay: "
                        + e.getMessage(), e);
            }
        }
    }

    private static final JsonNode EMPTY = JSON.createObjectNode();

    /** The previous event's actor when the row names the same one (streams repeat their actors), else a new one. */
    private static Actor actor(String id, Role role, ComplaintEvent previous) {
        Actor before = previous == null ? null : previous.actor();
        return before != null && before.role() == role && before.id().equals(id) ? before : Actor.of(id, role);
    }

    private ComplaintEvent event(String id, CustomerId customer, long seq, ResultSet r, Optional<SecretKey> key,
            String previousHash, ComplaintEvent previous) throws SQLException {
        ComplaintTrigger trigger = ComplaintTrigger.valueOf(r.getString(2));
        Instant at = Instant.ofEpochSecond(r.getLong(5), r.getInt(6));
        Actor actor = actor(r.getString(7), Role.valueOf(r.getString(8)), previous);
        String payload = r.getString(9);
        JsonNode p = payload.equals("{}") ? EMPTY : CustomerStore.read(payload.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = r.getBytes(10);
        String description = "";
        String note = null;
        if (sealed != null) {
            if (key.isPresent()) {
                JsonNode t = CustomerStore.read(store.vault().open(key.get(), sealed, customer,
                        "complaint-event " + id + "#" + seq));
                description = t.path("description").asText("");
                note = t.hasNonNull("note") ? t.get("note").asText() : null;
            } else {
                description = p.path("intake").path("described").asBoolean(false) ? ERASED : "";
                note = p.path("noted").asBoolean(false) ? ERASED : null;
            }
        }
        ComplaintCommand cmd;
        if (trigger == ComplaintTrigger.RECEIVE) {
            JsonNode in = p.get("intake");
            ComplaintIntake intake = ComplaintIntake.builder().id(in.get("id").asText())
                    .customer(CustomerId.of(in.get("customer").asText()))
                    .channel(Channel.valueOf(in.get("channel").asText()))
                    .category(ComplaintCategory.valueOf(in.get("category").asText()))
                    .severity(Severity.valueOf(in.get("severity").asText())).description(description)
                    .linkedTo(Optional.ofNullable(in.hasNonNull("linkedTo") ? in.get("linkedTo").asText() : null))
                    .build();
            cmd = ComplaintCommand.receive(intake, at, actor);
        } else {
            cmd = ComplaintCommand.of(trigger, at, actor);
        }
        if (p.hasNonNull("assignee")) {
            cmd = cmd.withAssignee(p.get("assignee").asText());
        }
        if (p.hasNonNull("satisfaction")) {
            cmd = cmd.withEvaluation(p.get("satisfaction").asInt(), p.get("rootCause").asText());
        }
        if (note != null) {
            cmd = cmd.withNote(note);
        }
        List<String> guards = List.of();
        if (p.has("externalGuards")) {
            List<String> names = new ArrayList<>();
            p.get("externalGuards").forEach(g -> names.add(g.asText()));
            guards = names;
        }
        return ComplaintEvent.of(cmd, ComplaintState.valueOf(r.getString(3)), ComplaintState.valueOf(r.getString(4)),
                guards, previousHash);
    }

    /**
     * Lists open complaints (received and neither closed nor withdrawn), optionally narrowed.
     *
     * @param state only this state, or null for every open state
     * @param category only this category, or null for all
     * @param owner only this owner, or null for all
     * @return the matching complaints, oldest received first
     * @throws StoreException if the database fails
     */
    public List<ComplaintSummary> open(ComplaintState state, ComplaintCategory category, String owner) {
        StringBuilder sql = new StringBuilder(SUMMARY + " WHERE state NOT IN ('NEW', 'CLOSED', 'WITHDRAWN')");
        List<Object> args = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (category != null) {
            sql.append(" AND category = ?");
            args.add(category.name());
        }
        if (owner != null) {
            sql.append(" AND owner = ?");
            args.add(owner);
        }
        return summaries(sql.append(" ORDER BY received_s, complaint_id").toString(), args);
    }

    /**
     * Lists every complaint of a customer.
     *
     * @param customer the customer
     * @return its complaints, oldest received first
     * @throws StoreException if the database fails
     */
    public List<ComplaintSummary> ofCustomer(CustomerId customer) {
        requireNonNull(customer, "customer");
        return summaries(SUMMARY + " WHERE customer_id = ? ORDER BY received_s, complaint_id", List.of(customer.value()));
    }

    /**
     * Lists every stored complaint.
     *
     * @return all complaints, oldest received first
     * @throws StoreException if the database fails
     */
    public List<ComplaintSummary> all() {
        return summaries(SUMMARY + " ORDER BY received_s, complaint_id", List.of());
    }

    /**
     * Loads the open complaints with an SLA clock that has breached at {@code asOf} or will breach
     * within {@code window} after it (evaluated with {@link Complaint#sla(Instant)}).
     *
     * @param window how far ahead to look, not negative
     * @param asOf the instant of evaluation
     * @return the complaints, the soonest due first
     * @throws StoreException if the database fails
     */
    public List<Complaint> breachingWithin(Duration window, Instant asOf) {
        requireNonNull(window, "window");
        requireNonNull(asOf, "asOf");
        checkArgument(!window.isNegative(), "window %s is negative: look ahead zero or more", window);
        Instant horizon = asOf.plus(window);
        List<Complaint> due = new ArrayList<>();
        List<Instant> when = new ArrayList<>();
        List<String> ids = open(null, null, null).stream().map(ComplaintSummary::id).toList();
        for (Complaint c : store.inTransaction("loading complaints near their deadline", conn -> loadAll(conn, ids, asOf))) {
            if (!c.isOpen()) {
                continue;
            }
            Optional<Instant> first = Optional.empty();
            for (SlaStatus st : c.sla(asOf)) {
                Optional<Instant> at = st.state() == ClockState.BREACHED ? Optional.of(asOf)
                        : st.state() == ClockState.RUNNING ? st.dueAt().filter(d -> !d.isAfter(horizon))
                        : Optional.empty();
                if (at.isPresent() && (first.isEmpty() || at.get().isBefore(first.get()))) {
                    first = at;
                }
            }
            if (first.isPresent()) {
                int i = 0;
                while (i < when.size() && !when.get(i).isAfter(first.get())) {
                    i++;
                }
                due.add(i, c);
                when.add(i, first.get());
            }
        }
        return List.copyOf(due);
    }

    /**
     * Loads the complaints received in a period, as input for
     * {@link io.crmkit.lifecycle.complaint.ComplaintStatistics#of}: erased customers' complaints
     * included (with their texts erased).
     *
     * @param from the start, inclusive (to the second)
     * @param to the end, exclusive (to the second)
     * @return the complaints, oldest received first
     * @throws StoreException if the database fails
     */
    public List<Complaint> receivedBetween(Instant from, Instant to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        checkArgument(from.isBefore(to), "from %s is not before to %s", from, to);
        List<String> ids = summaries(SUMMARY + " WHERE received_s >= ? AND received_s < ? ORDER BY received_s, "
                + "complaint_id", List.of(from.getEpochSecond(), to.getEpochSecond())).stream()
                .map(ComplaintSummary::id).toList();
        return List.copyOf(store.inTransaction("loading complaints received in a period", c -> loadAll(c, ids, null)));
    }

    private static final String SUMMARY = "SELECT complaint_id, customer_id, category, severity, state, owner, version, "
            + "received_s, closed_s FROM crm_complaint";

    private List<ComplaintSummary> summaries(String sql, List<?> args) {
        return store.inTransaction("listing complaints", c -> {
            List<ComplaintSummary> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long closed = r.getLong(9);
                        Optional<Instant> closedAt = r.wasNull() ? Optional.empty()
                                : Optional.of(Instant.ofEpochSecond(closed));
                        out.add(new ComplaintSummary(r.getString(1), CustomerId.of(r.getString(2)),
                                ComplaintCategory.valueOf(r.getString(3)), Severity.valueOf(r.getString(4)),
                                ComplaintState.valueOf(r.getString(5)), r.getString(6), r.getLong(7),
                                Instant.ofEpochSecond(r.getLong(8)), closedAt));
                    }
                }
            }
            return List.copyOf(out);
        });
    }
}
