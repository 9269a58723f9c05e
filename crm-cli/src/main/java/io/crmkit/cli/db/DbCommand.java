package io.crmkit.cli.db;

import io.crmkit.store.CrmStore;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crm db migrate|info}: create or upgrade the store's schema, or report its version. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "The store's database: create or upgrade its schema (migrate), or report its version (info).",
        subcommands = {DbCommand.Migrate.class, DbCommand.Info.class})
public final class DbCommand {

    /** {@code crm db migrate}. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Creates the store's tables, or upgrades them to this crm's schema version; refuses a "
                    + "database a newer crm migrated.")
    static final class Migrate implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public void run() {
            String version;
            try (CrmStore opened = store.open()) {
                version = opened.schemaVersion();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("schema version " + version + " at " + store.describe());
            out.flush();
        }
    }

    /** {@code crm db info}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Prints the schema version of the store's database without changing it.")
    static final class Info implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public void run() {
            Optional<String> version = CrmStore.schemaVersion(store.dataSource());
            PrintWriter out = spec.commandLine().getOut();
            out.println("database      " + store.describe());
            out.println("schema        " + version.map(v -> "version " + v).orElse("not created (run crm db migrate)"));
            out.println("this crm      schema version " + CrmStore.SCHEMA_VERSION);
            out.flush();
        }
    }
}
