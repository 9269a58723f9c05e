package io.crmkit.examples.readme;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.store.CrmStore;
import io.crmkit.store.KeyEncryptionKey;
import io.crmkit.store.VersionConflictException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The README's crm-store snippet, compiled and run by a test. */
public final class StoreSnippet {

    private StoreSnippet() {
    }

    /**
     * Stores a customer and a complaint, runs a command with a stale version, erases the customer.
     *
     * @param dataSource an empty database
     * @return the complaint as loaded after the customer was erased
     */
    public static Complaint store(DataSource dataSource) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        ComplaintIntake intake = ComplaintIntake.builder().id("CP-1").customer(CustomerId.of("c-17"))
                .channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE).severity(Severity.HIGH)
                .description("warning light on, call 13812345678").build();
        // tag::store[]
        KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom()); // keep it in your secret store
        CrmStore store = CrmStore.open(dataSource, kek, clock);               // creates or upgrades the schema

        Customer zhang = Customer.person(CustomerId.of("c-17"), "张伟")
                .contactPoint(ContactPoint.of(ContactPoint.Kind.MOBILE, "13812345678")).open("agent-7", clock);
        store.customers().save(zhang);                                       // every version, sealed per customer

        Complaint received = Complaint.receive(intake, clock.instant(), Actor.of("li.na", Role.AGENT));
        store.complaints().append(received, 0, "request-1");                 // expected version 0: a new stream
        store.complaints().apply("CP-1", ComplaintCommand.of(ComplaintTrigger.ASSIGN, clock.instant(),
                Actor.of("li.na", Role.OWNER)).withAssignee("wang.wei"), "request-2");
        try {                                                                // a writer that missed version 2
            store.complaints().append(received.assign(clock.instant(), Actor.of("li.na", Role.OWNER), "zhao.lei"),
                    1, "request-3");
        } catch (VersionConflictException e) {
            e.currentVersion();                                              // 2: reload, re-apply, append again
        }

        store.erase(CustomerId.of("c-17"));                                  // GDPR art. 17 / PIPL art. 47
        Complaint kept = store.complaints().load("CP-1").orElseThrow();     // replays; texts read "[erased]"
        store.close();                                                       // on H2 the database may close now
        // end::store[]
        return kept;
    }
}
