package io.crmkit.store;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.customer.NationalId;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Shared values of the store tests: the personal data they look for in the tables' bytes. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final KeyEncryptionKey KEK = KeyEncryptionKey.of(new byte[32]);

    static final String NATIONAL_ID = "110105199003071234";
    static final String PHONE = "13812345678";
    static final String NEW_PHONE = "13900001111";
    static final String EMAIL = "zhang.wei@example.com";
    static final String ADDRESS = "北京市朝阳区建国路88号";
    static final String NOTE = "customer says call 13812345678 after 6pm";

    static final Actor LI_NA = Actor.of("li.na", Role.AGENT);
    static final Actor LI_NA_OWNER = Actor.of("li.na", Role.OWNER);
    static final Actor WANG = Actor.of("wang.wei", Role.OWNER);

    private Fixtures() {
    }

    static CrmStore open(DataSource ds) {
        return CrmStore.open(ds, KEK, CLOCK);
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A customer file at version 1, with every kind of personal data. */
    static Customer zhang(Clock clock) {
        return Customer.person(CustomerId.of("c-17"), "张伟").nationalId(NationalId.of(NATIONAL_ID))
                .contactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, PHONE))
                .contactPoint(ContactPoint.of(ContactPoint.Kind.EMAIL, EMAIL))
                .contactPoint(ContactPoint.of(ContactPoint.Kind.POSTAL_ADDRESS, ADDRESS)).open("agent-7", clock);
    }

    static ComplaintIntake intake(String id) {
        return ComplaintIntake.builder().id(id).customer(CustomerId.of("c-17")).channel(Channel.PHONE)
                .category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH)
                .description("engine warning light on, call me on " + PHONE + " or " + EMAIL).build();
    }

    static Complaint received(String id) {
        return Complaint.receive(intake(id), T0, LI_NA);
    }
}
