package io.crmkit.store;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A failure of the store: the database refused or could not be reached (the cause is the
 * {@link java.sql.SQLException}, or Flyway's exception around it), or stored data failed a check.
 * Subclasses name the specific cases a caller may handle: {@link VersionConflictException},
 * {@link SchemaTooNewException}, {@link CustomerErasedException}, {@link StoreCorruptedException}.
 *
 * <p>The message is crmkit's own: for a database failure it names the operation, the
 * {@linkplain DatabaseFailure#rule rule} of the SQLState, the SQLState and the vendor error code
 * ({@code crmkit store: appending loyalty events failed: an integrity constraint is violated
 * (SQLState 23505, error code 0)}), masks any customer id it names, and never quotes the JDBC driver, so it
 * may be logged and shown wherever crmkit's other messages are. <b>The chained cause is the
 * driver's and is not masked</b>: its message and those of its own causes may quote the row values
 * of a refused statement (a unique-key violation names the key, for example a customer id that is
 * a mobile number), the statement, the lines of an H2 {@code INIT} script, the server's banner or
 * connection details. Log the cause only where personal data may be kept; {@code crm} writes it to
 * its debug log alone.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, in crmkit's words: no driver text, personal data masked
     * @param cause the underlying failure, or null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure of the database during an operation, told without the driver's text.
     *
     * @param operation what the store was doing, such as {@code appending loyalty events}; no
     *        personal data
     * @param cause the failure: an {@link SQLException}, or an exception with one among its causes
     * @return {@code crmkit store: OPERATION failed: RULE (SQLState S, error code N)}; without an
     *         {@link SQLException} among the causes, the first line of the cause's message (a
     *         Flyway migration or validation failure, in Flyway's words) instead of the rule
     */
    static StoreException failed(String operation, Throwable cause) {
        Optional<SQLException> sql = DatabaseFailure.sqlCause(cause);
        String what = sql.map(DatabaseFailure::describe).orElseGet(() -> firstLine(cause));
        return new StoreException("crmkit store: " + operation + " failed: " + what, cause);
    }

    private static String firstLine(Throwable cause) {
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
