package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.store.TestDatabases.Db;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Flyway creates the schema on open, reopening changes nothing, and a newer schema is refused. */
class SchemaTest {

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void openCreatesTheSchemaAndReopeningKeepsTheData(Db db) {
        DataSource ds = db.fresh();
        assertEquals(Optional.empty(), CrmStore.schemaVersion(ds));
        CrmStore store = Fixtures.open(ds);
        assertEquals("2", store.schemaVersion());
        store.complaints().append(Fixtures.received("CP-1"), 0, "k1");
        CrmStore again = Fixtures.open(ds);
        assertEquals(Optional.of("2"), CrmStore.schemaVersion(ds));
        assertEquals(Fixtures.received("CP-1"), again.complaints().load("CP-1").orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aVersionOneDatabaseIsUpgradedWithTheLoyaltyJournal(Db db) {
        DataSource ds = db.fresh();
        boolean postgres = db == Db.POSTGRESQL;
        // the schema as the first release left it: migration V1 only
        Flyway.configure(CrmStore.class.getClassLoader()).dataSource(ds).locations("classpath:io/crmkit/store/migration")
                .table("crm_schema_history").placeholders(Map.of("binary", postgres ? "BYTEA" : "VARBINARY"))
                .target(MigrationVersion.fromVersion("1")).load().migrate();
        assertEquals(Optional.of("1"), CrmStore.schemaVersion(ds));

        CrmStore upgraded = Fixtures.open(ds);
        assertEquals("2", upgraded.schemaVersion());
        upgraded.complaints().append(Fixtures.received("CP-1"), 0, "k1");
        assertEquals(Fixtures.received("CP-1"), upgraded.complaints().load("CP-1").orElseThrow());
        assertEquals(0, upgraded.loyalty().size());
        assertEquals(Optional.empty(), upgraded.loyalty().appendIfAbsent(LoyaltyFixtures.redeem("r1", "c-17", 100)));
        assertEquals(1, upgraded.loyalty().size());
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aDatabaseMigratedByANewerLibraryIsRefusedWithTheVersions(Db db) throws Exception {
        DataSource ds = db.fresh();
        Fixtures.open(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"crm_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (3, '3', 'from the future', 'SQL', "
                    + "'V3__from_the_future.sql', 0, 'crmkit', 0, TRUE)");
        }
        SchemaTooNewException e = assertThrows(SchemaTooNewException.class, () -> Fixtures.open(ds));
        assertEquals("database schema version 3 is newer than this crmkit store's schema version 2: upgrade "
                + "crmkit to open it", e.getMessage());
        assertEquals("3", e.databaseVersion());
    }
}
