package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The enrolments of one course, with its waiting list: an immutable value whose
 * {@link #enrol(CustomerId, Instant) enrol} and {@link #cancel(CustomerId) cancel} return a new
 * roster.
 *
 * <p>Rules: a customer holds at most one active (enrolled or waitlisted) enrolment per course; a
 * new enrolment takes a seat while fewer than {@code capacity} customers are enrolled, otherwise
 * joins the waiting list; when an enrolled customer cancels, the first customer on the waiting
 * list (earliest {@code enrolledAt}, then customer id) is promoted to the free seat. So a roster is
 * always consistent: at most {@code capacity} enrolled, and a waiting list only when the course is
 * full (exactly {@code capacity} enrolled).
 *
 * <pre>{@code
 * CourseRoster r = CourseRoster.empty(course).enrol(CustomerId.of("c-1"), at).enrol(CustomerId.of("c-2"), at);
 * r = r.cancel(CustomerId.of("c-1"));   // c-2 moves up if it was waiting
 * }</pre>
 */
public final class CourseRoster {

    private static final Comparator<Enrolment> QUEUE_ORDER = Comparator.comparing(Enrolment::enrolledAt)
            .thenComparing(Enrolment::customer);

    private final Course course;
    private final ImmutableList<Enrolment> enrolments;
    /** Each customer's current status: the active enrolment's, else cancelled. */
    private final ImmutableMap<CustomerId, EnrolmentStatus> statuses;
    private final ImmutableList<CustomerId> enrolled;

    private CourseRoster(Course course, ImmutableList<Enrolment> enrolments) {
        this.course = course;
        this.enrolments = enrolments;
        Map<CustomerId, EnrolmentStatus> current = new HashMap<>();
        for (Enrolment e : enrolments) {
            if (e.isActive()) {
                current.put(e.customer(), e.status());
            } else {
                current.putIfAbsent(e.customer(), EnrolmentStatus.CANCELLED);
            }
        }
        this.statuses = ImmutableMap.copyOf(current);
        this.enrolled = enrolments.stream().filter(e -> e.status() == EnrolmentStatus.ENROLLED).map(Enrolment::customer)
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * Returns a roster without enrolments.
     *
     * @param course the course
     * @return the roster
     */
    public static CourseRoster empty(Course course) {
        return new CourseRoster(requireNonNull(course, "course"), ImmutableList.of());
    }

    /**
     * Returns the roster holding recorded enrolments, checking that they obey the rules.
     *
     * @param course the course
     * @param enrolments its enrolments, in any order
     * @return the roster
     * @throws IllegalArgumentException if an enrolment is for another course, a customer has two
     *         active enrolments, more customers are enrolled than the capacity, or customers wait
     *         while seats are free
     */
    public static CourseRoster of(Course course, Collection<Enrolment> enrolments) {
        requireNonNull(course, "course");
        List<Enrolment> sorted = new ArrayList<>(requireNonNull(enrolments, "enrolments"));
        sorted.sort(QUEUE_ORDER.thenComparing(Enrolment::status));
        Set<CustomerId> active = new HashSet<>();
        int enrolled = 0;
        int waiting = 0;
        for (Enrolment e : sorted) {
            checkArgument(e.courseId().equals(course.id()), "enrolment of customer %s is for course %s, not %s",
                    e.customer().masked(), e.courseId(), course.id());
            if (e.isActive()) {
                checkArgument(active.add(e.customer()),
                        "customer %s has two active enrolments in course %s: at most one may be enrolled or waitlisted",
                        e.customer().masked(), course.id());
            }
            enrolled += e.status() == EnrolmentStatus.ENROLLED ? 1 : 0;
            waiting += e.status() == EnrolmentStatus.WAITLISTED ? 1 : 0;
        }
        checkArgument(enrolled <= course.capacity(), "course %s has %s enrolled customers, above its capacity %s",
                course.id(), enrolled, course.capacity());
        checkArgument(waiting == 0 || enrolled == course.capacity(),
                "course %s has %s waitlisted customers while %s of %s seats are free: promote from the waiting list first",
                course.id(), waiting, course.capacity() - enrolled, course.capacity());
        return new CourseRoster(course, ImmutableList.copyOf(sorted));
    }

    /**
     * Enrols a customer: a seat if one is free, otherwise a place on the waiting list.
     *
     * @param customer the customer
     * @param at when the customer asked
     * @return the new roster
     * @throws IllegalArgumentException if the customer already holds an active enrolment
     */
    public CourseRoster enrol(CustomerId customer, Instant at) {
        requireNonNull(customer, "customer");
        requireNonNull(at, "at");
        checkArgument(status(customer).filter(s -> s != EnrolmentStatus.CANCELLED).isEmpty(),
                "customer %s is already %s in course %s", customer.masked(),
                status(customer).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse(""), course.id());
        EnrolmentStatus status = enrolled().size() < course.capacity() ? EnrolmentStatus.ENROLLED
                : EnrolmentStatus.WAITLISTED;
        return new CourseRoster(course, ImmutableList.<Enrolment>builder().addAll(enrolments)
                .add(Enrolment.of(course.id(), customer, at, status)).build());
    }

    /**
     * Cancels a customer's active enrolment; if it held a seat, the first customer on the waiting
     * list is promoted to it.
     *
     * @param customer the customer
     * @return the new roster
     * @throws IllegalArgumentException if the customer holds no active enrolment
     */
    public CourseRoster cancel(CustomerId customer) {
        requireNonNull(customer, "customer");
        Optional<Enrolment> cancelled = enrolments.stream().filter(e -> e.isActive() && e.customer().equals(customer))
                .findFirst();
        checkArgument(cancelled.isPresent(), "customer %s holds no active enrolment in course %s to cancel",
                customer.masked(), course.id());
        Optional<Enrolment> promoted = cancelled.get().status() == EnrolmentStatus.ENROLLED
                ? waiting().stream().findFirst() : Optional.empty();
        List<Enrolment> next = new ArrayList<>(enrolments.size());
        for (Enrolment e : enrolments) {
            if (e == cancelled.get()) {
                next.add(e.withStatus(EnrolmentStatus.CANCELLED));
            } else if (promoted.isPresent() && e == promoted.get()) {
                next.add(e.withStatus(EnrolmentStatus.ENROLLED));
            } else {
                next.add(e);
            }
        }
        return new CourseRoster(course, ImmutableList.copyOf(next));
    }

    /** @return the course */
    public Course course() {
        return course;
    }

    /** @return every enrolment, cancelled ones included, in order of enrolment */
    public List<Enrolment> enrolments() {
        return enrolments;
    }

    /** @return the customers holding a seat, in order of enrolment */
    public List<CustomerId> enrolled() {
        return enrolled;
    }

    /** @return the waiting list, first in line first */
    public List<CustomerId> waitingList() {
        return waiting().stream().map(Enrolment::customer).collect(ImmutableList.toImmutableList());
    }

    /** @return the number of cancelled enrolments */
    public int cancellations() {
        return (int) enrolments.stream().filter(e -> e.status() == EnrolmentStatus.CANCELLED).count();
    }

    /** @return seats not taken, from 0 to the capacity */
    public int freeSeats() {
        return course.capacity() - enrolled().size();
    }

    /**
     * Returns a customer's current status: that of the active enrolment, else cancelled if the
     * customer ever enrolled.
     *
     * @param customer the customer
     * @return the status, empty if the customer never enrolled
     */
    public Optional<EnrolmentStatus> status(CustomerId customer) {
        return Optional.ofNullable(statuses.get(requireNonNull(customer, "customer")));
    }

    private List<Enrolment> waiting() {
        return enrolments.stream().filter(e -> e.status() == EnrolmentStatus.WAITLISTED).sorted(QUEUE_ORDER).toList();
    }

    @Override
    public String toString() {
        return "CourseRoster[" + course.id() + ": " + enrolled().size() + " of " + course.capacity() + " seats, "
                + waiting().size() + " waiting, " + cancellations() + " cancelled]";
    }
}
