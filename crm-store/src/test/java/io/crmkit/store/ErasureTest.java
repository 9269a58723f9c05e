package io.crmkit.store;

import static io.crmkit.store.Fixtures.WANG;
import static io.crmkit.store.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintEvent;
import io.crmkit.lifecycle.complaint.ComplaintStatistics;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.store.TestDatabases.Db;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Personal data never reaches the tables in clear, and erasing a customer (GDPR art. 17, PIPL
 * art. 47) makes it unreadable while its complaints still replay and count in statistics.
 */
class ErasureTest {

    /** The raw values a reader of the database must never find, in any table. */
    static final List<String> PERSONAL = List.of(Fixtures.NATIONAL_ID, Fixtures.PHONE, Fixtures.NEW_PHONE,
            Fixtures.EMAIL, Fixtures.ADDRESS, "张伟", "engine warning light", "after 6pm");

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void noTableHoldsPersonalDataInClearBeforeOrAfterErasureAndComplaintsStillReplay(Db db) throws Exception {
        DataSource ds = db.fresh();
        CustomerStoreTest.MovingClock clock = new CustomerStoreTest.MovingClock();
        CrmStore store = CrmStore.open(ds, Fixtures.KEK, clock);
        Customer v1 = Fixtures.zhang(clock);
        store.customers().save(v1);
        clock.advance(Duration.ofDays(1));
        store.customers().save(v1.withContactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, Fixtures.NEW_PHONE),
                "agent-8"));
        Complaint c = ComplaintStoreTest.investigating("CP-1")
                .apply(ComplaintCommand.of(ComplaintTrigger.REQUEST_INFORMATION, at(40), WANG).withNote(Fixtures.NOTE));
        store.complaints().append(c, 0, "cmd-1");
        store.complaints().append(Fixtures.received("CP-2"), 0, "cmd-2");
        io.crmkit.lifecycle.complaint.ComplaintIntake undescribed = io.crmkit.lifecycle.complaint.ComplaintIntake.builder()
                .id("CP-3").customer(io.crmkit.core.customer.CustomerId.of("c-17"))
                .channel(io.crmkit.lifecycle.complaint.Channel.PHONE)
                .category(io.crmkit.lifecycle.complaint.ComplaintCategory.FAULT_IN_USE)
                .severity(io.crmkit.lifecycle.sla.Severity.HIGH).description("").build();
        store.complaints().append(Complaint.receive(io.crmkit.lifecycle.complaint.ComplaintWorkflow.standard(),
                ComplaintCommand.receive(undescribed, Fixtures.T0, Fixtures.LI_NA).withNote(Fixtures.NOTE)), 0, "cmd-4");
        assertEquals(c, store.complaints().load("CP-1").orElseThrow());

        String before = tableText(ds);
        assertTrue(before.contains("CP-1") && before.contains("c-17") && before.contains("wang.wei"),
                "the scan reads the tables");
        for (String p : PERSONAL) {
            assertFalse(before.contains(p), "stored in clear: " + p);
        }

        assertTrue(store.erase(CustomerId.of("c-17")));

        String after = tableText(ds);
        for (String p : PERSONAL) {
            assertFalse(after.contains(p), "stored in clear after erasure: " + p);
        }
        assertThrows(CustomerErasedException.class, () -> store.customers().load(CustomerId.of("c-17")));
        assertThrows(CustomerErasedException.class, () -> store.customers().load(CustomerId.of("c-17"), 1));

        Complaint erased = store.complaints().load("CP-1").orElseThrow();
        assertEquals(c.state(), erased.state());
        assertEquals(c.owner(), erased.owner());
        assertEquals(c.eventCount(), erased.eventCount());
        assertEquals(ComplaintStore.ERASED, erased.intake().description());
        assertEquals(ComplaintStore.ERASED, erased.lastEvent().command().note().orElseThrow());
        List<ComplaintTrigger> triggers = new ArrayList<>();
        for (ComplaintEvent e : erased.history()) {
            triggers.add(e.trigger());
        }
        assertEquals(c.history().stream().map(ComplaintEvent::trigger).toList(), triggers);
        for (String p : PERSONAL) {
            assertFalse(erased.history().toString().contains(p), p);
        }
        Complaint noted = store.complaints().load("CP-3").orElseThrow();
        assertEquals("", noted.intake().description(), "an empty description stays empty");
        assertEquals(ComplaintStore.ERASED, noted.lastEvent().command().note().orElseThrow());
        assertEquals(java.util.Optional.empty(), store.complaints().load("CP-2").orElseThrow().lastEvent().command()
                .note(), "no note is invented");
        ComplaintStatistics stats = ComplaintStatistics.of(store.complaints().receivedBetween(Fixtures.T0, at(1)),
                at(100));
        assertEquals(3, stats.total());
        assertEquals(3, stats.open());
        CustomerErasedException refused = assertThrows(CustomerErasedException.class, () -> store.complaints()
                .append(erased.apply(ComplaintCommand.of(ComplaintTrigger.CUSTOMER_RESPONDED, at(50), WANG)),
                        c.eventCount(), "cmd-3"));
        assertEquals("customer c-17 was erased: complaint CP-1 is read-only", refused.getMessage());
    }

    /** Every value of every table of the store's schema, as text (binary columns decoded as UTF-8 and Latin-1). */
    static String tableText(DataSource ds) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet t = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    tables.add(t.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.size() >= 6, "found the store's tables: " + tables);
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData rm = r.getMetaData();
                    while (r.next()) {
                        for (int i = 1; i <= rm.getColumnCount(); i++) {
                            int type = rm.getColumnType(i);
                            byte[] bytes = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
                                    ? r.getBytes(i) : String.valueOf(r.getObject(i)).getBytes(StandardCharsets.UTF_8);
                            if (bytes != null) {
                                all.write(bytes);
                                all.write('\n');
                            }
                        }
                    }
                }
            }
        }
        return all.toString(StandardCharsets.UTF_8) + "\n" + all.toString(StandardCharsets.ISO_8859_1);
    }
}
