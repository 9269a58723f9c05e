package io.crmkit.cli.db;

import io.crmkit.store.DatabaseFailure;
import io.crmkit.store.JdbcUrl;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The words a command prints when the database fails. A driver's message may quote anything: the
 * statement it refused, the text of a file an H2 {@code INIT=RUNSCRIPT} read, a server's banner,
 * the URL with its password. None of it reaches stderr: a failure whose cause is an
 * {@link SQLException} is told in crmkit's own words, the store's {@link DatabaseFailure#rule rule}
 * for its SQLState class (the words a library caller's {@code StoreException} carries too), with
 * the {@linkplain JdbcUrl#masked masked} URL of {@code --db}; the driver's text goes only to the
 * debug log.
 */
public final class DatabaseErrors {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);

    private DatabaseErrors() {
    }

    /**
     * The one-line message for a failure caused by the database, if it is one.
     *
     * @param failure what a command threw
     * @param command the command, whose {@code --db} option (if any) names the database
     * @return {@code database URL: words (SQLState XXXXX)}, or empty when no {@link SQLException}
     *     is among the causes
     */
    public static Optional<String> message(Throwable failure, CommandLine command) {
        Optional<SQLException> sql = DatabaseFailure.sqlCause(failure);
        if (sql.isEmpty()) {
            return Optional.empty();
        }
        LOG.debug("database failure", failure);
        String state = sql.get().getSQLState();
        return Optional.of("database " + database(command) + ": " + DatabaseFailure.rule(state) + " (SQLState "
                + (state == null || state.isBlank() ? "unknown" : state) + "); the driver's message is in the debug log");
    }

    private static String database(CommandLine command) {
        CommandLine.Model.OptionSpec db = command.getCommandSpec().findOption("--db");
        Object url = db == null ? null : db.getValue();
        return url == null ? "(unnamed)" : JdbcUrl.masked(url.toString());
    }
}
