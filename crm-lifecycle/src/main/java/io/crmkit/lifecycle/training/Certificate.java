package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.care.CareEvent;
import io.crmkit.lifecycle.care.CareMoment;
import io.crmkit.lifecycle.care.CareRule;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A certificate a customer earned by completing a course: valid on the days from
 * {@code issuedOn} up to, not including, {@code expiresOn}. Renewal reminders are not a system of
 * their own: {@link #renewalEvent(String, ZoneId)} is a {@link CareMoment#CERTIFICATE_EXPIRES} care
 * event, and {@link #renewalRules()} are care rules to add to the customer's
 * {@link io.crmkit.lifecycle.care.CareSchedule}, which turns the events into dated, assigned,
 * trackable care tasks.
 *
 * <pre>{@code
 * CareSchedule schedule = CareSchedule.dealerManualBuilder(zone).rule(Certificate.renewalRules().get(0)).build();
 * List<CareTask> tasks = schedule.tasks(List.of(certificate.renewalEvent("li.na", zone)));
 * }</pre>
 *
 * @param courseId the course completed
 * @param customer the customer
 * @param issuedOn the day the completion rule was met
 * @param expiresOn the first day the certificate is no longer valid, after {@code issuedOn}
 */
public record Certificate(String courseId, CustomerId customer, LocalDate issuedOn, LocalDate expiresOn) {

    /** How long before expiry the customer is invited to renew. */
    public static final Duration RENEWAL_NOTICE = Duration.ofDays(30);

    /**
     * Validates the certificate.
     *
     * @param courseId the course
     * @param customer the customer
     * @param issuedOn the issue day
     * @param expiresOn the expiry day
     * @throws IllegalArgumentException if it expires on or before its issue day
     */
    public Certificate {
        requireNonNull(courseId, "course id");
        requireNonNull(customer, "customer");
        requireNonNull(issuedOn, "issuedOn");
        requireNonNull(expiresOn, "expiresOn");
        checkArgument(expiresOn.isAfter(issuedOn), "certificate of customer %s for course %s expires on %s, not after "
                + "its issue on %s", customer.masked(), courseId, expiresOn, issuedOn);
    }

    /**
     * Tells whether the certificate is valid on a day.
     *
     * @param day the day
     * @return true if {@code issuedOn ≤ day < expiresOn}
     */
    public boolean isValidOn(LocalDate day) {
        requireNonNull(day, "day");
        return !day.isBefore(issuedOn) && day.isBefore(expiresOn);
    }

    /**
     * The care event of the expiry, at the start of {@code expiresOn} in a zone.
     *
     * @param owner who looks after the renewal, not blank
     * @param zone the zone that names the day
     * @return the event
     */
    public CareEvent renewalEvent(String owner, ZoneId zone) {
        return CareEvent.of(customer, CareMoment.CERTIFICATE_EXPIRES,
                expiresOn.atStartOfDay(requireNonNull(zone, "zone")).toInstant(), owner);
    }

    /**
     * The renewal reminders as care rules: invite the customer to renew {@link #RENEWAL_NOTICE}
     * (30 days) before expiry, and confirm the renewal on the day it expires.
     *
     * @return the rules, to add to a care schedule
     */
    public static List<CareRule> renewalRules() {
        return List.of(
                CareRule.before(CareMoment.CERTIFICATE_EXPIRES, "invite the customer to renew the training certificate",
                        RENEWAL_NOTICE),
                CareRule.sameDay(CareMoment.CERTIFICATE_EXPIRES, "the training certificate expires today: confirm "
                        + "the renewal"));
    }
}
