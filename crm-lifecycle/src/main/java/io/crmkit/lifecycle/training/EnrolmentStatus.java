package io.crmkit.lifecycle.training;

/** Where an enrolment stands. */
public enum EnrolmentStatus {
    /** Holds a seat. */
    ENROLLED,
    /** Waits for a seat; promoted in order of enrolment when an enrolled customer cancels. */
    WAITLISTED,
    /** Cancelled by or for the customer; holds no seat and no place on the waiting list. */
    CANCELLED
}
