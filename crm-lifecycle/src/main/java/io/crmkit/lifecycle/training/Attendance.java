package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;

/**
 * Whether a customer was present at one session of a course. An enrolled customer without a
 * record for a held session counts as absent.
 *
 * @param courseId the course
 * @param sessionId the session
 * @param customer the customer
 * @param present true if the customer attended
 */
public record Attendance(String courseId, String sessionId, CustomerId customer, boolean present) {

    /**
     * Validates the record.
     *
     * @param courseId the course, not blank
     * @param sessionId the session, not blank
     * @param customer the customer
     * @param present whether present
     * @throws IllegalArgumentException if an id is blank
     */
    public Attendance {
        requireNonNull(courseId, "course id");
        requireNonNull(sessionId, "session id");
        requireNonNull(customer, "customer");
        checkArgument(!courseId.isBlank(), "course id of an attendance record of customer %s is blank", customer.masked());
        checkArgument(!sessionId.isBlank(), "session id of an attendance record of customer %s is blank", customer.masked());
    }

    /**
     * Records a customer present at a session.
     *
     * @param courseId the course
     * @param sessionId the session
     * @param customer the customer
     * @return the record
     */
    public static Attendance present(String courseId, String sessionId, CustomerId customer) {
        return new Attendance(courseId, sessionId, customer, true);
    }

    /**
     * Records a customer absent from a session.
     *
     * @param courseId the course
     * @param sessionId the session
     * @param customer the customer
     * @return the record
     */
    public static Attendance absent(String courseId, String sessionId, CustomerId customer) {
        return new Attendance(courseId, sessionId, customer, false);
    }
}
