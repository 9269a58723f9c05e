package io.crmkit.store;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * crmkit's own words for a failure of the database, from its SQLState and vendor error code alone.
 * A JDBC driver's message may quote anything: the row values of a refused statement (a
 * unique-key violation names the key, which may be a customer id that is a mobile number or an
 * e-mail address), the statement itself, the lines of a file an H2 {@code INIT=RUNSCRIPT} read,
 * the server's banner, a URL with its password. {@link StoreException} messages, and the
 * {@code crm} command line's error lines, are therefore built here and never quote the driver.
 *
 * <p>The rule for a SQLState follows its class, its first two characters, as the SQLSTATE table
 * of SQL:2016 (ISO/IEC 9075-2) and PostgreSQL's appendix "PostgreSQL Error Codes" define them;
 * H2 uses the same classes.
 *
 * <p>Stateless: the methods are pure functions, safe from any thread.
 */
public final class DatabaseFailure {

    /** How many causes {@link #sqlCause} follows before it gives up (a cycle guard). */
    private static final int MAX_CAUSES = 32;

    private DatabaseFailure() {
    }

    /**
     * Returns what a SQLState's class means, in crmkit's words: for example {@code 23505} (a
     * unique-key violation) gives {@code an integrity constraint is violated}, {@code 08001} gives
     * {@code cannot connect to the database}; a class crmkit does not name, or no state at all,
     * gives {@code the database failed}.
     *
     * @param sqlState the SQLState of an {@link SQLException}, or null if the driver gave none
     * @return the rule, never empty
     */
    public static String rule(String sqlState) {
        String c = sqlState == null || sqlState.length() < 2 ? "" : sqlState.substring(0, 2).toUpperCase(Locale.ROOT);
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

    /**
     * Describes a database failure without the driver's message: the {@link #rule rule} of its
     * SQLState, the SQLState and the vendor error code, for example
     * {@code an integrity constraint is violated (SQLState 23505, error code 0)}.
     *
     * @param failure the failure
     * @return the description
     */
    public static String describe(SQLException failure) {
        requireNonNull(failure, "failure");
        String state = failure.getSQLState();
        return rule(state) + " (SQLState " + (state == null || state.isBlank() ? "unknown" : state) + ", error code "
                + failure.getErrorCode() + ")";
    }

    /**
     * Finds the database failure behind a failure: the first {@link SQLException} among it and
     * its causes (at most 32 deep).
     *
     * @param failure any failure
     * @return the first {@link SQLException} of the chain, or empty if there is none
     */
    public static Optional<SQLException> sqlCause(Throwable failure) {
        Throwable t = requireNonNull(failure, "failure");
        for (int i = 0; t != null && i < MAX_CAUSES; i++) {
            if (t instanceof SQLException s) {
                return Optional.of(s);
            }
            t = t.getCause();
        }
        return Optional.empty();
    }
}
