/**
 * Durable, append-only storage for crmkit over plain JDBC: complaint event streams with
 * optimistic concurrency, idempotent appends and hash-chain checks, versioned customer files,
 * fitted models by name, and the loyalty points journal ({@link io.crmkit.loyalty.LedgerStore});
 * personal data sealed per customer with AES-GCM and erasable.
 * Open a {@link io.crmkit.store.CrmStore} on the application's {@link javax.sql.DataSource} and close
 * it when done (on H2 it keeps the database open meanwhile); the schema is created and upgraded by
 * Flyway, once however many stores open an empty database at the same time. Embedded H2 2.x and PostgreSQL are supported. The
 * module has no {@code module-info}: Flyway loads its database support through
 * {@link java.util.ServiceLoader} and finds migrations by scanning class-loader resources, which a
 * named module would hide from it.
 */
package io.crmkit.store;
