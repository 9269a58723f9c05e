package io.crmkit.cli.db;

import io.crmkit.store.JdbcUrl;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The words a command prints when the database fails. A driver's message may quote anything: the
 * statement it refused, the text of a file an H2 {@code INIT=RUNSCRIPT} read, a server's banner,
 * the URL with its password. None of it reaches stderr: a failure whose cause is an
 * {@link SQLException} is told in crmkit's own words, from the SQLState class and the
 * {@linkplain JdbcUrl#masked masked} URL of {@code --db}; the driver's text goes only to the debug
 * log.
 */
public final class DatabaseErrors {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrors.class);
    private static final int MAX_CAUSES = 32;

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
        SQLException sql = null;
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CAUSES && sql == null; i++) {
            if (t instanceof SQLException s) {
                sql = s;
            }
            t = t.getCause();
        }
        if (sql == null) {
            return Optional.empty();
        }
        LOG.debug("database failure", failure);
        String state = sql.getSQLState();
        return Optional.of("database " + database(command) + ": " + words(state) + " (SQLState "
                + (state == null || state.isBlank() ? "unknown" : state) + "); the driver's message is in the debug log");
    }

    private static String database(CommandLine command) {
        CommandLine.Model.OptionSpec db = command.getCommandSpec().findOption("--db");
        Object url = db == null ? null : db.getValue();
        return url == null ? "(unnamed)" : JdbcUrl.masked(url.toString());
    }

    /** What the SQLState class (its first two characters, SQL:2016 and PostgreSQL's) says. */
    static String words(String state) {
        String c = state == null || state.length() < 2 ? "" : state.substring(0, 2).toUpperCase(Locale.ROOT);
        return switch (c) {
            case "08" -> "cannot connect to the database";
            case "28" -> "the database refused the user name or password";
            case "3D" -> "no such database";
            case "3F" -> "no such schema";
            case "42" -> "the database refused a statement: syntax error or access rule violation";
            case "23" -> "an integrity constraint is violated";
            case "22" -> "the database refused a value";
            case "40" -> "the database rolled the transaction back";
            case "53" -> "the database is out of resources";
            case "57" -> "the database stopped the operation";
            case "0A" -> "the database does not support a feature the store needs";
            default -> "the database failed";
        };
    }
}
