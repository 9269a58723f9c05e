package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintRefusedException;
import io.crmkit.lifecycle.complaint.ComplaintTrigger;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.store.TestDatabases.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Any sequence of accepted commands, stored then loaded, equals the complaint kept in memory. */
class StoredComplaintPropertiesTest {

    private static final Map<Db, CrmStore> STORES = new EnumMap<>(Db.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    /** One random command: which (among the permitted ones, mostly), how long after, who, with which data. */
    record Step(int pick, int gapMinutes, int who, boolean withData, int batch) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(0, 4), Arbitraries.of(true, false), Arbitraries.integers().between(1, 3))
                .as(Step::new).list().ofMinSize(8).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Db> databases() {
        return Arbitraries.of(Db.values());
    }

    private static synchronized CrmStore store(Db db) {
        return STORES.computeIfAbsent(db, d -> Fixtures.open(d.fresh()));
    }

    private static Actor actor(Complaint c, int who) {
        return switch (who) {
            case 0 -> Actor.of("li.na", Role.AGENT);
            case 1 -> Actor.of(c.owner(), Role.OWNER);
            case 2 -> Actor.of("zhao.lei", Role.SUPERVISOR);
            case 3 -> Actor.of("qian.min", Role.MANAGER);
            default -> Actor.of("c-17", Role.CUSTOMER);
        };
    }

    @Property(tries = 60)
    void anyAcceptedCommandsStoredThenLoadedEqualTheComplaintInMemory(@ForAll("databases") Db db,
            @ForAll("steps") List<Step> steps) {
        CrmStore store = store(db);
        String id = "P-" + IDS.incrementAndGet();
        Complaint c = Fixtures.received(id);
        store.complaints().append(c, 0, id + "-0");
        long stored = 1;
        List<Complaint> versions = new ArrayList<>(List.of(c));
        Instant at = Fixtures.T0;
        int accepted = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<ComplaintTrigger> permitted = new ArrayList<>(c.permittedTriggers());
            if (step.pick() % 25 != 0 && permitted.size() > 1) {
                permitted.remove(ComplaintTrigger.WITHDRAW); // rare, so that histories get long
            }
            if (permitted.isEmpty()) {
                break;
            }
            ComplaintTrigger trigger = permitted.get(step.pick() % permitted.size());
            at = at.plus(Duration.ofMinutes(step.gapMinutes()));
            List<Role> roles = List.copyOf(c.workflow().roles(trigger));
            Actor actor = roles.isEmpty() || step.pick() % 10 == 9 ? actor(c, step.who())
                    : actor(c, List.of(Role.AGENT, Role.OWNER, Role.SUPERVISOR, Role.MANAGER, Role.CUSTOMER)
                            .indexOf(roles.get(step.who() % roles.size())));
            ComplaintCommand cmd = ComplaintCommand.of(trigger, at, actor);
            if (step.withData() || trigger == ComplaintTrigger.ASSIGN || trigger == ComplaintTrigger.CLOSE) {
                cmd = switch (trigger) {
                    case ASSIGN, ESCALATE -> cmd.withAssignee(List.of("wang.wei", "zhao.lei", "li.na").get(step.who() % 3));
                    case CLOSE -> cmd.withEvaluation(1 + step.who(), "cause-" + step.who());
                    default -> cmd.withNote("note " + step.gapMinutes() + " call " + Fixtures.PHONE);
                };
            }
            try {
                c = c.apply(cmd);
                versions.add(c);
                accepted++;
            } catch (ComplaintRefusedException e) {
                continue;
            }
            // commands are appended one by one or a few at a time, as a service batching them would
            if (accepted % step.batch() == 0 || i == steps.size() - 1) {
                store.complaints().append(c, stored, id + "-" + c.eventCount());
                stored = c.eventCount();
            }
        }
        if (stored < c.eventCount()) {
            store.complaints().append(c, stored, id + "-" + c.eventCount());
        }
        Statistics.label("events").collect(c.eventCount() < 5 ? "<5" : c.eventCount() < 15 ? "5-14" : "15+");
        Statistics.label("events").coverage(check -> check.check("<5").percentage(p -> p <= 40));
        Complaint loaded = store.complaints().load(id).orElseThrow();
        assertEquals(c, loaded);
        assertEquals(c.headHash(), loaded.headHash());
        assertEquals(c.toString(), loaded.toString());
        Complaint middle = versions.get(versions.size() / 2);
        assertEquals(c.asOf(middle.lastEvent().at()), store.complaints().load(id, middle.lastEvent().at()));
    }
}
