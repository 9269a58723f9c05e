package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A training course offered to customers: its topic, the product it is about, how it is delivered,
 * how many customers it seats, its dated sessions, the rule for completing it and, if it
 * certifies, how long its certificate is valid.
 *
 * <pre>{@code
 * Course c = Course.of("C-1", "Safe operation", "forklift", TrainingFormat.ON_SITE, 12, sessions)
 *         .withCompletion(CompletionRule.share("0.75")).withCertificateValidity(Period.ofYears(2));
 * }</pre>
 *
 * @param id the course's identifier, not blank
 * @param topic what it teaches, not blank
 * @param product the product or product line it is about, not blank
 * @param format how it is delivered
 * @param capacity seats: customers who can be enrolled at once, at least 1
 * @param sessions the sessions, at least one, ids unique; kept in date order (then by id)
 * @param completion the completion rule
 * @param certificateValidity how long a certificate is valid after completion; empty if the
 *        course issues none
 */
public record Course(String id, String topic, String product, TrainingFormat format, int capacity,
        List<Session> sessions, CompletionRule completion, Optional<Period> certificateValidity) {

    /**
     * Validates the course.
     *
     * @param id the identifier
     * @param topic the topic
     * @param product the product
     * @param format the format
     * @param capacity the seats
     * @param sessions the sessions
     * @param completion the completion rule
     * @param certificateValidity the certificate's validity, if any
     * @throws IllegalArgumentException if a text is blank, the capacity is below 1, there is no
     *         session, two sessions share an id, or the validity is not positive
     */
    public Course {
        requireNonNull(id, "course id");
        requireNonNull(topic, "topic");
        requireNonNull(product, "product");
        requireNonNull(format, "format");
        requireNonNull(sessions, "sessions");
        requireNonNull(completion, "completion");
        requireNonNull(certificateValidity, "certificateValidity");
        checkArgument(!id.isBlank(), "course id '%s' is blank: name the course", id);
        checkArgument(!topic.isBlank(), "topic of course %s is blank", id);
        checkArgument(!product.isBlank(), "product of course %s is blank", id);
        checkArgument(capacity >= 1, "capacity %s of course %s is below 1: a course seats at least one customer",
                capacity, id);
        checkArgument(!sessions.isEmpty(), "course %s has no session: give at least one dated session", id);
        Set<String> ids = new HashSet<>();
        for (Session s : sessions) {
            checkArgument(ids.add(requireNonNull(s, "session").id()), "session id %s appears twice in course %s",
                    s.id(), id);
        }
        sessions = sessions.stream().sorted(Comparator.comparing(Session::date).thenComparing(Session::id))
                .collect(ImmutableList.toImmutableList());
        certificateValidity.ifPresent(p -> checkArgument(!p.isNegative() && !p.isZero(),
                "certificate validity %s of course %s is not positive", p, id));
    }

    /**
     * Returns a course with the completion rule {@link CompletionRule#allSessions()} and no
     * certificate.
     *
     * @param id the identifier, not blank
     * @param topic the topic, not blank
     * @param product the product, not blank
     * @param format the format
     * @param capacity seats, at least 1
     * @param sessions the sessions, at least one, ids unique
     * @return the course
     * @throws IllegalArgumentException as the constructor
     */
    public static Course of(String id, String topic, String product, TrainingFormat format, int capacity,
            List<Session> sessions) {
        return new Course(id, topic, product, format, capacity, sessions, CompletionRule.allSessions(),
                Optional.empty());
    }

    /**
     * Returns this course with another completion rule.
     *
     * @param rule the rule
     * @return the course
     */
    public Course withCompletion(CompletionRule rule) {
        return new Course(id, topic, product, format, capacity, sessions, rule, certificateValidity);
    }

    /**
     * Returns this course issuing certificates valid for a period after completion.
     *
     * @param validity the validity, positive
     * @return the course
     * @throws IllegalArgumentException if the validity is not positive
     */
    public Course withCertificateValidity(Period validity) {
        return new Course(id, topic, product, format, capacity, sessions, completion,
                Optional.of(requireNonNull(validity, "validity")));
    }

    /** @return the date of the first session */
    public LocalDate firstDay() {
        return sessions.get(0).date();
    }

    /** @return the date of the last session */
    public LocalDate lastDay() {
        return sessions.get(sessions.size() - 1).date();
    }

    /**
     * Finds a session by id.
     *
     * @param sessionId the id
     * @return the session, if the course has it
     */
    public Optional<Session> session(String sessionId) {
        requireNonNull(sessionId, "sessionId");
        return sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst();
    }
}
