package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;

/**
 * A customer's enrolment in a course.
 *
 * @param courseId the course
 * @param customer the customer
 * @param enrolledAt when the customer asked for a place (orders the waiting list)
 * @param status where it stands
 */
public record Enrolment(String courseId, CustomerId customer, Instant enrolledAt, EnrolmentStatus status) {

    /**
     * Validates the enrolment.
     *
     * @param courseId the course, not blank
     * @param customer the customer
     * @param enrolledAt when
     * @param status the status
     * @throws IllegalArgumentException if the course id is blank
     */
    public Enrolment {
        requireNonNull(courseId, "course id");
        requireNonNull(customer, "customer");
        requireNonNull(enrolledAt, "enrolledAt");
        requireNonNull(status, "status");
        checkArgument(!courseId.isBlank(), "course id of the enrolment of customer %s is blank", customer.masked());
    }

    /**
     * Returns an enrolment.
     *
     * @param courseId the course, not blank
     * @param customer the customer
     * @param enrolledAt when
     * @param status the status
     * @return the enrolment
     */
    public static Enrolment of(String courseId, CustomerId customer, Instant enrolledAt, EnrolmentStatus status) {
        return new Enrolment(courseId, customer, enrolledAt, status);
    }

    /** @return whether it holds a seat or a place on the waiting list */
    public boolean isActive() {
        return status != EnrolmentStatus.CANCELLED;
    }

    /**
     * Returns this enrolment with another status.
     *
     * @param newStatus the status
     * @return the enrolment
     */
    public Enrolment withStatus(EnrolmentStatus newStatus) {
        return new Enrolment(courseId, customer, enrolledAt, newStatus);
    }
}
