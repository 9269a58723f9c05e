package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.store.TestDatabases.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database failure reaches a library caller in crmkit's words: the operation, the rule of the
 * SQLState, the SQLState and the error code, never the driver's text, which may quote personal
 * data. The driver's text stays in the chained cause, as {@link StoreException} documents.
 */
class DatabaseFailureTest {

    private static final String PHONE = Fixtures.PHONE;
    private static final CustomerId BY_PHONE = CustomerId.of(PHONE);
    private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");

    /**
     * A unique index the store does not have (one event per customer) makes the second event of a
     * customer whose id is a mobile number a unique-key violation; H2 quotes the key in its message
     * ({@code VALUES ( '13812345678' ...)}), PostgreSQL in its detail ({@code Key (customer_id)=(13812345678)}).
     */
    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aUniqueKeyViolationQuotingACustomerIdIsToldWithoutIt(Db db) throws SQLException {
        DataSource ds = db.fresh();
        LoyaltyStore journal = Fixtures.open(ds).loyalty();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX test_one_event_per_customer ON crm_loyalty_event (customer_id)");
        }
        assertEquals(Optional.empty(), journal.appendIfAbsent(new LoyaltyEvent.Redeemed("x-1", BY_PHONE, AT, 5)));

        StoreException e = assertThrows(StoreException.class,
                () -> journal.appendIfAbsent(new LoyaltyEvent.Redeemed("x-2", BY_PHONE, AT.plusSeconds(60), 5)));

        SQLException driver = DatabaseFailure.sqlCause(e).orElseThrow();
        assertTrue(driverText(e).contains(PHONE), "the test needs a driver message that quotes the id: " + driverText(e));
        assertEquals("crmkit store: appending loyalty events failed: an integrity constraint is violated (SQLState "
                + driver.getSQLState() + ", error code " + driver.getErrorCode() + ")", e.getMessage());
        assertTrue(driver.getSQLState().startsWith("23"), driver.getSQLState());
        assertFalse(e.toString().contains(PHONE), e.toString());
    }

    /**
     * A connection refused while H2 runs an {@code INIT} script: H2 quotes the script's lines, which
     * here hold a customer's phone number and e-mail address.
     */
    @Test
    void aConnectionFailureQuotingAScriptIsToldWithoutIt(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("init.sql"),
                "customer " + PHONE + " writes to " + Fixtures.EMAIL + ";\n");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:failing;INIT=RUNSCRIPT FROM '" + script.toAbsolutePath() + "'");

        StoreException e = assertThrows(StoreException.class, () -> CrmStore.open(ds, Fixtures.KEK, Fixtures.CLOCK));

        assertTrue(driverText(e).contains(PHONE), driverText(e));
        SQLException driver = DatabaseFailure.sqlCause(e).orElseThrow();
        assertEquals("crmkit store: connecting failed: the database refused a statement: syntax error or access rule "
                + "violation (SQLState " + driver.getSQLState() + ", error code " + driver.getErrorCode() + ")",
                e.getMessage());
        assertFalse(e.getMessage().contains(PHONE), e.getMessage());
        assertFalse(e.getMessage().contains("example.com"), e.getMessage());
    }

    @Test
    void eachSqlStateClassHasItsRule() {
        // classes of the SQLSTATE table, SQL:2016 (ISO/IEC 9075-2), and PostgreSQL's appendix A
        assertEquals("an integrity constraint is violated", DatabaseFailure.rule("23505"));
        assertEquals("an integrity constraint is violated", DatabaseFailure.rule("23503"));
        assertEquals("cannot connect to the database", DatabaseFailure.rule("08001"));
        assertEquals("the database refused the user name or password", DatabaseFailure.rule("28P01"));
        assertEquals("no such database", DatabaseFailure.rule("3D000"));
        assertEquals("no such schema", DatabaseFailure.rule("3F000"));
        assertEquals("the database refused a statement: syntax error or access rule violation",
                DatabaseFailure.rule("42P01"));
        assertEquals("the database refused a value", DatabaseFailure.rule("22001"));
        assertEquals("the database rolled the transaction back", DatabaseFailure.rule("40001"));
        assertEquals("the database is out of resources", DatabaseFailure.rule("53100"));
        assertEquals("the database stopped the operation", DatabaseFailure.rule("57014"));
        assertEquals("the database does not support a feature the store needs", DatabaseFailure.rule("0a000"));
        assertEquals("the database failed", DatabaseFailure.rule("HY000"));
        assertEquals("the database failed", DatabaseFailure.rule("2"));
        assertEquals("the database failed", DatabaseFailure.rule(null));
    }

    @Test
    void aDescriptionNamesTheStateAndTheCodeButNotTheDriversText() {
        SQLException driver = new SQLException("Key (customer_id)=(" + PHONE + ") already exists", "23505", 7);
        assertEquals("an integrity constraint is violated (SQLState 23505, error code 7)",
                DatabaseFailure.describe(driver));
        assertEquals("the database failed (SQLState unknown, error code 0)",
                DatabaseFailure.describe(new SQLException("no state")));
        RuntimeException wrapped = new RuntimeException("wrapper", new IllegalStateException("middle", driver));
        assertEquals(Optional.of(driver), DatabaseFailure.sqlCause(wrapped));
        assertEquals(Optional.empty(), DatabaseFailure.sqlCause(new IllegalStateException("no database")));
        StoreException e = StoreException.failed("listing complaints", wrapped);
        assertEquals("crmkit store: listing complaints failed: an integrity constraint is violated (SQLState 23505, "
                + "error code 7)", e.getMessage());
        assertEquals(wrapped, e.getCause(), "the driver's text stays in the cause");
    }

    /** Every message of the failure's causes: what the driver said. */
    private static String driverText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        List<Throwable> seen = new java.util.ArrayList<>();
        for (Throwable t = failure.getCause(); t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
