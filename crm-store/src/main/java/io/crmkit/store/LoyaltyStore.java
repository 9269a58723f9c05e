package io.crmkit.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.LedgerStore;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.LoyaltyEvent.Adjusted;
import io.crmkit.loyalty.LoyaltyEvent.Awarded;
import io.crmkit.loyalty.LoyaltyEvent.Purchased;
import io.crmkit.loyalty.LoyaltyEvent.Redeemed;
import io.crmkit.loyalty.LoyaltyEvent.Refunded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The loyalty journal in the database: a durable {@link LedgerStore}, so that
 * {@code Ledger.on(program, store.loyalty())} keeps a points ledger across restarts and crashes.
 * Get it from {@link CrmStore#loyalty()}.
 *
 * <p>One row per source event in table {@code crm_loyalty_event}, keyed by the event id, with the
 * event's fields in typed columns (the amount as a decimal numeral with its scale, and its
 * currency), a sequence number per member (1, 2, 3... in append order, gap-free) and a hash
 * chain per member (SHA-256 over the previous event's hash and the event's fields). The
 * guarantees are those of the complaint streams:
 * <ul>
 *   <li>an event id is stored once: the database's primary key decides, so of any number of
 *       concurrent appends of one id (threads or JVMs) exactly one is stored and every other
 *       gets the stored event back;</li>
 *   <li>the first event stored under an id wins: a later append of that id with different
 *       fields stores nothing and returns the stored event, which the caller compares with its
 *       own ({@link io.crmkit.loyalty.Ledger#apply} refuses such an event);</li>
 *   <li>an append that returned is committed and survives a crash; a batch
 *       ({@link #appendAllIfAbsent}) is one transaction, all or nothing;</li>
 *   <li>rows are never updated or deleted; {@link #events} checks that a member's sequence is
 *       gap-free and its hash chain intact, so an edited, dropped or reordered row is reported
 *       ({@link StoreCorruptedException}) rather than replayed.</li>
 * </ul>
 * Loyalty events carry no personal data besides the customer id (reasons and actors are staff
 * ids and short texts), so nothing is sealed and erasing a customer leaves its points history.
 * Text fields are limited to {@value #MAX_TEXT} characters and refused if they hold a NUL or an
 * unpaired surrogate, which PostgreSQL cannot store faithfully. Thread-safe.
 */
public final class LoyaltyStore implements LedgerStore {

    /** The longest category, product, bonus reason, adjustment actor or reason stored, in characters. */
    public static final int MAX_TEXT = 1000;

    /** Attempts of one append against concurrent writers of the same member before giving up. */
    private static final int ATTEMPTS = 200;
    /** Ids looked up per query when a batch checks which of its events are already stored. */
    private static final int LOOKUP_CHUNK = 500;
    private static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "event_id, customer_id, seq, kind, at_s, at_n, amount, currency, points, "
            + "category, product, purchaser_id, user_id, purchase_id, actor, reason, hash";

    private final CrmStore store;

    LoyaltyStore(CrmStore store) {
        this.store = store;
    }

    /**
     * Appends an event unless its id is stored; exactly one of concurrent appends of an id wins.
     *
     * @param event the event
     * @return the stored event with the same id (possibly with different fields: the stored one
     *         wins, nothing is appended), or empty if this event was appended and committed
     * @throws IllegalArgumentException if a text field is longer than {@value #MAX_TEXT}
     *         characters or holds a NUL or an unpaired surrogate
     * @throws StoreException if the database fails
     */
    @Override
    public Optional<LoyaltyEvent> appendIfAbsent(LoyaltyEvent event) {
        requireNonNull(event, "event");
        return appendAllIfAbsent(List.of(event)).get(0);
    }

    /**
     * Appends a batch in one transaction: every event whose id is neither stored nor used by an
     * earlier event of the batch, in the order given. If a concurrent writer stores one of the
     * ids first, the whole batch is retried, so the result is as if the batch ran alone after it.
     *
     * @param events the events, in append order
     * @return for each event, in the order given, the event already stored under its id (or the
     *         batch's earlier event with that id), or empty if it was appended
     * @throws IllegalArgumentException as {@link #appendIfAbsent}, for the first such event;
     *         nothing of the batch is stored then
     * @throws StoreException if the database fails
     */
    @Override
    public List<Optional<LoyaltyEvent>> appendAllIfAbsent(List<? extends LoyaltyEvent> events) {
        requireNonNull(events, "events");
        List<LoyaltyEvent> batch = List.copyOf(events);
        batch.forEach(LoyaltyStore::checkStorable);
        if (batch.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return store.inTransaction("appending loyalty events", c -> append(c, batch));
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException s) || !ComplaintStore.isRace(s) || attempt == ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        if (attempt > 2) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(Math.min(attempt, 20)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while appending loyalty events", e);
            }
        }
    }

    private static List<Optional<LoyaltyEvent>> append(Connection c, List<LoyaltyEvent> batch) throws SQLException {
        Map<String, LoyaltyEvent> known = stored(c, batch);
        Map<CustomerId, Tail> tails = tails(c, batch.stream().filter(e -> !known.containsKey(e.id()))
                .map(e -> e.customer().value()).distinct().toList());
        List<Optional<LoyaltyEvent>> results = new ArrayList<>(batch.size());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_loyalty_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (LoyaltyEvent e : batch) {
                LoyaltyEvent stored = known.get(e.id());
                if (stored != null) {
                    results.add(Optional.of(stored));
                    continue;
                }
                Tail tail = tails.getOrDefault(e.customer(), new Tail(0, GENESIS));
                Row row = Row.of(e);
                Tail next = new Tail(tail.seq + 1, hash(tail.hash, row));
                row.bind(insert, next.seq, next.hash);
                insert.addBatch();
                rows++;
                tails.put(e.customer(), next);
                known.put(e.id(), e);
                results.add(Optional.empty());
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
        return results;
    }

    /** The last sequence number and hash of a member's events; 0 and the genesis hash if none. */
    private record Tail(long seq, String hash) {
    }

    /** The tails of the members that have events, in one query per chunk of members. */
    private static Map<CustomerId, Tail> tails(Connection c, List<String> members) throws SQLException {
        Map<CustomerId, Tail> tails = new HashMap<>();
        for (int from = 0; from < members.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = members.subList(from, Math.min(members.size(), from + LOOKUP_CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT e.customer_id, e.seq, e.hash FROM crm_loyalty_event e "
                    + "JOIN (SELECT customer_id, MAX(seq) AS top FROM crm_loyalty_event WHERE customer_id IN (" + marks(chunk.size())
                    + ") GROUP BY customer_id) t ON e.customer_id = t.customer_id AND e.seq = t.top")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        tails.put(CustomerId.of(r.getString(1)), new Tail(r.getLong(2), r.getString(3)));
                    }
                }
            }
        }
        return tails;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Map<String, LoyaltyEvent> stored(Connection c, List<LoyaltyEvent> batch) throws SQLException {
        return storedById(c, batch.stream().map(LoyaltyEvent::id).distinct().toList());
    }

    /** The stored events with the given (distinct) ids, {@value #LOOKUP_CHUNK} a query. */
    private static Map<String, LoyaltyEvent> storedById(Connection c, List<String> ids) throws SQLException {
        Map<String, LoyaltyEvent> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_loyalty_event WHERE event_id IN ("
                    + marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Row row = Row.read(r);
                        found.put(row.eventId, row.event());
                    }
                }
            }
        }
        return found;
    }

    /**
     * Looks an event up by id.
     *
     * @param id the event id
     * @return the stored event, or empty
     * @throws StoreCorruptedException if the stored row is not one this library writes
     * @throws StoreException if the database fails
     */
    @Override
    public Optional<LoyaltyEvent> find(String id) {
        requireNonNull(id, "id");
        return store.inTransaction("finding a loyalty event", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_loyalty_event WHERE event_id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(Row.read(r).event()) : Optional.<LoyaltyEvent>empty();
                }
            }
        });
    }

    /**
     * A member's events in append order, after checking that their sequence is gap-free and
     * their hash chain intact.
     *
     * @param customer the member
     * @return the events; empty if none
     * @throws StoreCorruptedException if a row was edited, dropped or reordered, or is not one
     *         this library writes
     * @throws StoreException if the database fails
     */
    @Override
    public List<LoyaltyEvent> events(CustomerId customer) {
        requireNonNull(customer, "customer");
        return store.inTransaction("reading a customer's loyalty events", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_loyalty_event WHERE customer_id = ? "
                    + "ORDER BY seq")) {
                s.setString(1, customer.value());
                try (ResultSet r = s.executeQuery()) {
                    Chain chain = new Chain(customer);
                    while (r.next()) {
                        chain.add(Row.read(r));
                    }
                    return chain.events.build();
                }
            }
        });
    }

    /**
     * The events of several members, {@value #LOOKUP_CHUNK} members a query (ordered by member and
     * sequence number), each member's sequence and hash chain checked as {@link #events(CustomerId)}
     * does.
     *
     * @param customers the members
     * @return each member's events in append order; a member without events maps to an empty list
     * @throws StoreCorruptedException if a row was edited, dropped or reordered, or is not one
     *         this library writes
     * @throws StoreException if the database fails
     */
    @Override
    public Map<CustomerId, List<LoyaltyEvent>> events(Collection<CustomerId> customers) {
        requireNonNull(customers, "customers");
        List<String> members = customers.stream().map(c -> requireNonNull(c, "customer").value()).distinct().toList();
        return store.inTransaction("reading customers' loyalty events", c -> {
            Map<CustomerId, List<LoyaltyEvent>> events = new HashMap<>();
            for (String member : members) {
                events.put(CustomerId.of(member), List.of());
            }
            for (int from = 0; from < members.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = members.subList(from, Math.min(members.size(), from + LOOKUP_CHUNK));
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_loyalty_event WHERE "
                        + "customer_id IN (" + marks(chunk.size()) + ") ORDER BY customer_id, seq")) {
                    s.setFetchSize(1000);
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet r = s.executeQuery()) {
                        Chain chain = null;
                        while (r.next()) {
                            Row row = Row.read(r);
                            if (chain == null || !chain.customer.value().equals(row.customerId)) {
                                if (chain != null) {
                                    events.put(chain.customer, chain.events.build());
                                }
                                chain = new Chain(CustomerId.of(row.customerId));
                            }
                            chain.add(row);
                        }
                        if (chain != null) {
                            events.put(chain.customer, chain.events.build());
                        }
                    }
                }
            }
            return events;
        });
    }

    /**
     * Looks events up by id, {@value #LOOKUP_CHUNK} ids a query.
     *
     * @param ids the event ids
     * @return the stored events among them, by id
     * @throws StoreCorruptedException if a stored row is not one this library writes
     * @throws StoreException if the database fails
     */
    @Override
    public Map<String, LoyaltyEvent> findAll(Collection<String> ids) {
        requireNonNull(ids, "ids");
        List<String> distinct = ids.stream().map(id -> requireNonNull(id, "id")).distinct().toList();
        return store.inTransaction("finding loyalty events", c -> storedById(c, distinct));
    }

    /** A member's events as they are read, checked against the sequence and the hash chain. */
    private static final class Chain {
        final CustomerId customer;
        final ImmutableList.Builder<LoyaltyEvent> events = ImmutableList.builder();
        String previous = GENESIS;
        long expected = 1;

        Chain(CustomerId customer) {
            this.customer = customer;
        }

        void add(Row row) {
            if (row.seq != expected) {
                throw new StoreCorruptedException("loyalty journal of customer " + customer.masked() + " misses event "
                        + expected + " (found " + row.seq + ", event " + row.eventId + ")", null);
            }
            String hash = hash(previous, row);
            if (!hash.equals(row.hash)) {
                throw new StoreCorruptedException("loyalty journal of customer " + customer.masked() + ": event "
                        + row.eventId + " (number " + row.seq + ") does not match its hash chain: the row or an "
                        + "earlier one was changed", null);
            }
            events.add(row.event());
            previous = hash;
            expected++;
        }
    }

    /**
     * The members with at least one event.
     *
     * @return the members, in id order
     * @throws StoreException if the database fails
     */
    @Override
    public Set<CustomerId> customers() {
        return store.inTransaction("listing the loyalty customers", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT customer_id FROM crm_loyalty_event");
                    ResultSet r = s.executeQuery()) {
                Set<CustomerId> members = new TreeSet<>();
                while (r.next()) {
                    members.add(CustomerId.of(r.getString(1)));
                }
                return ImmutableSet.copyOf(members);
            }
        });
    }

    /**
     * The number of events stored.
     *
     * @return the count, at least 0
     * @throws StoreException if the database fails
     */
    public long size() {
        return store.inTransaction("counting loyalty events", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM crm_loyalty_event");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static void checkStorable(LoyaltyEvent e) {
        requireNonNull(e, "event");
        checkText(e, "id", e.id());
        checkText(e, "customer", e.customer().value());
        if (e instanceof Purchased p) {
            p.category().ifPresent(v -> checkText(e, "category", v));
            p.purchase().product().ifPresent(v -> checkText(e, "product", v));
            checkText(e, "purchaser", p.purchase().purchaser().value());
            checkText(e, "user", p.purchase().user().value());
        } else if (e instanceof Refunded r) {
            checkText(e, "purchaseId", r.purchaseId());
        } else if (e instanceof Awarded a) {
            checkText(e, "reason", a.reason());
        } else if (e instanceof Adjusted a) {
            checkText(e, "actor", a.actor());
            checkText(e, "reason", a.reason());
        }
    }

    private static void checkText(LoyaltyEvent e, String field, String value) {
        checkArgument(value.length() <= MAX_TEXT, "loyalty event %s %s has %s characters: the store keeps at most %s",
                shortId(e.id()), field, value.length(), MAX_TEXT);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean paired = Character.isHighSurrogate(ch) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(++i))
                    : !Character.isLowSurrogate(ch);
            checkArgument(ch != 0 && paired, "loyalty event %s %s holds a NUL or an unpaired surrogate at index %s: the store "
                    + "keeps only well-formed text without NUL", shortId(e.id()), field, i);
        }
    }

    private static String shortId(String id) {
        return id.length() <= 40 ? "'" + id + "'" : "'" + id.substring(0, 40) + "...'";
    }

    private static String hash(String previous, Row row) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        for (Object field : row.fields()) {
            // length-prefixed, so that no two field lists hash the same text
            String text = field == null ? "-" : field.toString();
            sha.update((text.length() + ":" + text + "|").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** An event as a row: the typed columns, null where the kind has no such field. */
    private static final class Row {
        String eventId;
        String customerId;
        long seq;
        String kind;
        long atS;
        int atN;
        String amount;
        String currency;
        Long points;
        String category;
        String product;
        String purchaserId;
        String userId;
        String purchaseId;
        String actor;
        String reason;
        String hash;

        static Row of(LoyaltyEvent e) {
            Row row = new Row();
            row.eventId = e.id();
            row.customerId = e.customer().value();
            row.atS = e.at().getEpochSecond();
            row.atN = e.at().getNano();
            if (e instanceof Purchased p) {
                row.kind = "purchase";
                row.amount(p.purchase().amount());
                row.category = p.category().orElse(null);
                row.product = p.purchase().product().orElse(null);
                row.purchaserId = p.purchase().purchaser().value();
                row.userId = p.purchase().user().value();
            } else if (e instanceof Refunded r) {
                row.kind = "refund";
                row.amount(r.amount());
                row.purchaseId = r.purchaseId();
            } else if (e instanceof Redeemed r) {
                row.kind = "redeem";
                row.points = r.points();
            } else if (e instanceof Awarded a) {
                row.kind = "bonus";
                row.points = a.points();
                row.reason = a.reason();
            } else {
                Adjusted a = (Adjusted) e;
                row.kind = "adjust";
                row.points = a.points();
                row.actor = a.actor();
                row.reason = a.reason();
            }
            return row;
        }

        private void amount(Money money) {
            amount = money.amount().toPlainString();
            currency = money.currency().getCurrencyCode();
        }

        /** @return every stored field but the sequence number and hash, in column order */
        List<Object> fields() {
            return Arrays.asList(eventId, customerId, kind, atS, atN, amount, currency, points, category, product,
                    purchaserId, userId, purchaseId, actor, reason);
        }

        void bind(PreparedStatement s, long seqNo, String hashHex) throws SQLException {
            s.setString(1, eventId);
            s.setString(2, customerId);
            s.setLong(3, seqNo);
            s.setString(4, kind);
            s.setLong(5, atS);
            s.setInt(6, atN);
            s.setString(7, amount);
            s.setString(8, currency);
            if (points == null) {
                s.setNull(9, Types.BIGINT);
            } else {
                s.setLong(9, points);
            }
            s.setString(10, category);
            s.setString(11, product);
            s.setString(12, purchaserId);
            s.setString(13, userId);
            s.setString(14, purchaseId);
            s.setString(15, actor);
            s.setString(16, reason);
            s.setString(17, hashHex);
        }

        static Row read(ResultSet r) throws SQLException {
            Row row = new Row();
            row.eventId = r.getString(1);
            row.customerId = r.getString(2);
            row.seq = r.getLong(3);
            row.kind = r.getString(4);
            row.atS = r.getLong(5);
            row.atN = r.getInt(6);
            row.amount = r.getString(7);
            row.currency = r.getString(8);
            long p = r.getLong(9);
            row.points = r.wasNull() ? null : p;
            row.category = r.getString(10);
            row.product = r.getString(11);
            row.purchaserId = r.getString(12);
            row.userId = r.getString(13);
            row.purchaseId = r.getString(14);
            row.actor = r.getString(15);
            row.reason = r.getString(16);
            row.hash = r.getString(17);
            return row;
        }

        LoyaltyEvent event() {
            try {
                CustomerId customer = CustomerId.of(customerId);
                Instant at = Instant.ofEpochSecond(atS, atN);
                return switch (kind) {
                    case "purchase" -> LoyaltyEvent.purchase(eventId, Purchase.builder().customer(customer).time(at)
                            .amount(money()).product(Optional.ofNullable(product)).purchaser(CustomerId.of(purchaserId))
                            .user(CustomerId.of(userId)).build(), category);
                    case "refund" -> new Refunded(eventId, customer, at, purchaseId, money());
                    case "redeem" -> new Redeemed(eventId, customer, at, requireNonNull(points, "points"));
                    case "bonus" -> new Awarded(eventId, customer, at, requireNonNull(points, "points"), reason);
                    case "adjust" -> new Adjusted(eventId, customer, at, requireNonNull(points, "points"), actor, reason);
                    default -> throw new IllegalArgumentException("kind " + kind + " is not a loyalty event kind");
                };
            } catch (RuntimeException e) {
                throw new StoreCorruptedException("stored loyalty event " + eventId + " is not one crmkit writes: "
                        + e.getMessage(), e);
            }
        }

        private Money money() {
            return Money.of(new BigDecimal(requireNonNull(amount, "amount")), Money.currency(requireNonNull(currency, "currency")));
        }
    }
}
