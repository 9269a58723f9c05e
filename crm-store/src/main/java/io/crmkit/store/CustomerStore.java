package io.crmkit.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.core.customer.ContactPeriod;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerChange;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NationalId;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Customer files with every version: each version is one row holding its dated change record
 * (version, time, actor and field in plain columns; the masked old and new values sealed) and,
 * for each version that was saved, the file's fields and contact history sealed with the
 * customer's data key. A file loaded from the store keeps its history and continues at the next
 * version ({@link Customer.Builder#restore}).
 *
 * <p>Save after every change to be able to load every past version with its fields; versions
 * that were never saved themselves (several changes, then one save) keep their change record
 * only. Thread-safe. Obtain from {@link CrmStore#customers()}.
 */
public final class CustomerStore {

    /** Replaces the old and new values of change records whose customer was erased. */
    public static final String ERASED = "[erased]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CrmStore store;

    CustomerStore(CrmStore store) {
        this.store = store;
    }

    /**
     * Stores the versions of a file the store does not have yet: the change records of versions
     * after the stored one, and the fields of the newest. Saving a version already stored is a
     * no-op.
     *
     * @param customer the file at its newest version
     * @return the stored version, {@code customer.version()}
     * @throws VersionConflictException if the store holds a version of this file that the given
     *         one does not contain (another writer saved a different change first)
     * @throws CustomerErasedException if the customer was erased
     * @throws StoreException if the database fails
     */
    public int save(Customer customer) {
        requireNonNull(customer, "customer");
        for (int attempt = 1;; attempt++) {
            try {
                return saveOnce(customer);
            } catch (StoreException e) {
                // a concurrent writer created the customer's data key first: its key is used on the next try
                if (e instanceof VersionConflictException || !(e.getCause() instanceof SQLException sql)
                        || !isDuplicateKey(sql) || attempt == RACE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Attempts of a save against concurrent creators of the customer's data key. */
    private static final int RACE_ATTEMPTS = 20;

    private int saveOnce(Customer customer) {
        CustomerId id = customer.id();
        return store.inTransaction("saving a customer file", c -> {
            List<CustomerChange> history = customer.history();
            int stored = storedVersion(c, id);
            if (stored > customer.version() || stored > 0 && !sameChange(c, id, history.get(stored - 1))) {
                throw new VersionConflictException("customer", id.value(), customer.version(), stored);
            }
            if (stored == customer.version()) {
                return stored;
            }
            SecretKey key = store.vault().dataKeyForWriting(c, id)
                    .orElseThrow(() -> new CustomerErasedException(id, "its file cannot be stored again"));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crm_customer_version (customer_id, version, kind, "
                    + "changed_s, changed_n, actor, field, sealed, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int v = stored + 1; v <= customer.version(); v++) {
                    CustomerChange ch = history.get(v - 1);
                    s.setString(1, id.value());
                    s.setInt(2, v);
                    s.setString(3, customer.kind().name());
                    s.setLong(4, ch.time().getEpochSecond());
                    s.setInt(5, ch.time().getNano());
                    s.setString(6, ch.actor());
                    s.setString(7, ch.field());
                    s.setBytes(8, store.vault().seal(key, changeValues(ch), id, "change"));
                    s.setBytes(9, v == customer.version() ? store.vault().seal(key, state(customer), id, "state") : null);
                    s.addBatch();
                }
                s.executeBatch();
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    throw new VersionConflictException("customer", id.value(), stored, storedVersionAfterRollback(id));
                }
                throw e;
            }
            return customer.version();
        });
    }

    private int storedVersionAfterRollback(CustomerId id) {
        return store.inTransaction("reading a customer file's version", c -> storedVersion(c, id));
    }

    static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && state.startsWith("23")) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException s && s != e && isDuplicateKey(s);
    }

    private boolean sameChange(Connection c, CustomerId id, CustomerChange ch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT changed_s, changed_n, actor, field FROM "
                + "crm_customer_version WHERE customer_id = ? AND version = ?")) {
            s.setString(1, id.value());
            s.setInt(2, ch.version());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getLong(1) == ch.time().getEpochSecond() && r.getInt(2) == ch.time().getNano()
                        && r.getString(3).equals(ch.actor()) && r.getString(4).equals(ch.field());
            }
        }
    }

    private static int storedVersion(Connection c, CustomerId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(version) FROM crm_customer_version WHERE customer_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /**
     * Returns the stored version number of a file.
     *
     * @param id the customer
     * @return the newest stored version, 0 if the file was never stored
     * @throws StoreException if the database fails
     */
    public int version(CustomerId id) {
        requireNonNull(id, "id");
        return store.inTransaction("reading a customer file's version", c -> storedVersion(c, id));
    }

    /**
     * Loads the newest stored version of a file.
     *
     * @param id the customer
     * @return the file with its whole history, or empty if it was never stored
     * @throws CustomerErasedException if the customer was erased
     * @throws StoreException if the database fails
     */
    public Optional<Customer> load(CustomerId id) {
        requireNonNull(id, "id");
        return store.inTransaction("loading a customer file", c -> {
            int v = storedVersion(c, id);
            return v == 0 ? Optional.<Customer>empty() : Optional.of(load(c, id, v));
        });
    }

    /**
     * Loads a past version of a file: its fields and contact history then, and its history up to it.
     *
     * @param id the customer
     * @param version the version, from 1 to the stored version
     * @return the file at that version
     * @throws IllegalArgumentException if the version is not stored, or was not saved with its fields
     * @throws CustomerErasedException if the customer was erased
     * @throws StoreException if the database fails
     */
    public Customer load(CustomerId id, int version) {
        requireNonNull(id, "id");
        return store.inTransaction("loading a customer file version", c -> {
            int stored = storedVersion(c, id);
            checkArgument(version >= 1 && version <= stored, "version %s of customer %s is not stored: stored "
                    + "versions are 1 to %s", version, id.masked(), stored);
            return load(c, id, version);
        });
    }

    /**
     * Returns the change records of a file, oldest first: after erasure still dated and with actor
     * and field, their values replaced by {@link #ERASED}.
     *
     * @param id the customer
     * @return the change records, empty if the file was never stored
     * @throws StoreException if the database fails
     */
    public List<CustomerChange> history(CustomerId id) {
        requireNonNull(id, "id");
        return store.inTransaction("reading a customer file's history", c -> {
            Optional<SecretKey> key = store.vault().dataKey(c, id).flatMap(k -> k);
            List<CustomerChange> changes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT version, changed_s, changed_n, actor, field, sealed "
                    + "FROM crm_customer_version WHERE customer_id = ? ORDER BY version")) {
                s.setString(1, id.value());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        changes.add(change(id, r, key));
                    }
                }
            }
            return List.copyOf(changes);
        });
    }

    private Customer load(Connection c, CustomerId id, int version) throws SQLException {
        SecretKey key = store.vault().dataKey(c, id).flatMap(k -> k)
                .orElseThrow(() -> new CustomerErasedException(id, "its file can no longer be read"));
        List<CustomerChange> changes = new ArrayList<>(version);
        byte[] state = null;
        String kind = null;
        // one query for the whole history; the fields are read from the requested version's row only, since
        // every saved version holds the whole file (its contact history grows with the versions, so reading
        // them all would move a quadratic number of bytes)
        try (PreparedStatement s = c.prepareStatement("SELECT version, changed_s, changed_n, actor, field, sealed, kind, "
                + "CASE WHEN version = ? THEN state END FROM crm_customer_version WHERE customer_id = ? AND version <= ? "
                + "ORDER BY version")) {
            s.setFetchSize(1000);
            s.setInt(1, version);
            s.setString(2, id.value());
            s.setInt(3, version);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    changes.add(change(id, r, Optional.of(key)));
                    if (r.getInt(1) == version) {
                        kind = r.getString(7);
                        state = r.getBytes(8);
                    }
                }
            }
        }
        checkArgument(state != null, "version %s of customer %s was not saved with its fields (several changes were "
                + "saved at once): only its change record is stored", version, id.masked());
        return restore(id, Customer.Kind.valueOf(kind), read(store.vault().open(key, state, id, "state")), changes);
    }

    private CustomerChange change(CustomerId id, ResultSet r, Optional<SecretKey> key) throws SQLException {
        Instant at = Instant.ofEpochSecond(r.getLong(2), r.getInt(3));
        String oldValue = ERASED;
        String newValue = ERASED;
        if (key.isPresent()) {
            JsonNode values = read(store.vault().open(key.get(), r.getBytes(6), id, "change"));
            oldValue = values.get("old").asText();
            newValue = values.get("new").asText();
        }
        return new CustomerChange(id, r.getInt(1), at, r.getString(4), r.getString(5), oldValue, newValue);
    }

    private Customer restore(CustomerId id, Customer.Kind kind, JsonNode s, List<CustomerChange> changes) {
        String name = s.get("name").asText();
        Customer.Builder b = kind == Customer.Kind.PERSON ? Customer.person(id, name) : Customer.organisation(id, name);
        if (s.hasNonNull("birthDate")) {
            b.birthDate(LocalDate.parse(s.get("birthDate").asText()));
        }
        if (s.hasNonNull("gender")) {
            b.gender(Customer.Gender.valueOf(s.get("gender").asText()));
        }
        if (s.hasNonNull("occupation")) {
            b.occupation(s.get("occupation").asText());
        }
        if (s.hasNonNull("nationalId")) {
            b.nationalId(NationalId.of(s.get("nationalId").asText()));
        }
        List<ContactPeriod> periods = new ArrayList<>();
        for (JsonNode p : s.get("contacts")) {
            periods.add(new ContactPeriod(ContactPoint.of(ContactPoint.Kind.valueOf(p.get("kind").asText()),
                    p.get("value").asText()), Instant.parse(p.get("from").asText()),
                    p.hasNonNull("to") ? Optional.of(Instant.parse(p.get("to").asText())) : Optional.empty()));
        }
        return b.restore(periods, changes, store.clock());
    }

    private static byte[] changeValues(CustomerChange ch) {
        ObjectNode o = JSON.createObjectNode();
        o.put("old", ch.oldValue());
        o.put("new", ch.newValue());
        return write(o);
    }

    private static byte[] state(Customer customer) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", customer.name());
        customer.birthDate().ifPresent(d -> o.put("birthDate", d.toString()));
        customer.gender().ifPresent(g -> o.put("gender", g.name()));
        customer.occupation().ifPresent(x -> o.put("occupation", x));
        customer.nationalId().ifPresent(n -> o.put("nationalId", n.value()));
        ArrayNode contacts = o.putArray("contacts");
        for (ContactPeriod p : customer.contactHistory()) {
            ObjectNode e = contacts.addObject();
            e.put("kind", p.point().kind().name());
            e.put("value", p.point().value());
            e.put("from", p.validFrom().toString());
            p.validTo().ifPresent(t -> e.put("to", t.toString()));
        }
        return write(o);
    }

    static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new StoreCorruptedException("a stored value is not the JSON the store writes", e);
        }
    }
}
