package io.crmkit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases every store test runs on: embedded H2 (in memory, one database per call)
 * and a real PostgreSQL 16 started once per test JVM (one schema per call), stopped by a
 * shutdown hook.
 */
final class TestDatabases {

    /** A database kind; {@link #fresh()} returns an empty database of that kind. */
    enum Db {
        H2, POSTGRESQL;

        DataSource fresh() {
            return this == H2 ? h2() : postgres();
        }

        /** @return a JDBC URL other JVMs can use for the same (fresh) database, with its data source */
        Shared shared(java.nio.file.Path dir) {
            if (this == H2) {
                String url = "jdbc:h2:file:" + dir.resolve("db" + COUNTER.incrementAndGet()).toAbsolutePath()
                        + ";AUTO_SERVER=TRUE";
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(url);
                return new Shared(url, ds);
            }
            String schema = newSchema();
            String url = server().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
            return new Shared(url, pg(schema));
        }
    }

    /** A database several JVMs can open. */
    record Shared(String url, DataSource dataSource) {
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static Stream<Db> both() {
        return Stream.of(Db.H2, Db.POSTGRESQL);
    }

    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:store" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
        }
        return postgres;
    }

    static DataSource postgres() {
        return pg(newSchema());
    }

    private static String newSchema() {
        String schema = "t" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return schema;
    }

    private static DataSource pg(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server().getJdbcUrl("postgres", "postgres"));
        ds.setCurrentSchema(schema);
        return ds;
    }
}
