package io.crmkit.core.relationship;

import static java.util.Comparator.comparing;

import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.purchase.Purchase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Works out which promised contacts of a relationship were kept, missed or are upcoming. */
final class PromiseLedger {

    private static final Logger LOG = LoggerFactory.getLogger(PromiseLedger.class);

    private PromiseLedger() {
    }

    static RelationshipReview review(Relationship r, Collection<Interaction> interactions,
            Collection<Purchase> purchases, Instant asOf) {
        List<Interaction> contacts = interactions.stream()
                .filter(i -> i.customer().equals(r.customer()) && !i.time().isAfter(asOf))
                .sorted(comparing(Interaction::time)).toList();
        List<Purchase> sales = purchases.stream()
                .filter(p -> p.customer().equals(r.customer()) && !p.time().isAfter(asOf))
                .sorted(comparing(Purchase::time)).toList();
        List<Relationship.LevelChange> levels = r.levelHistory().stream()
                .filter(c -> !c.since().isAfter(asOf)).toList();

        List<PromisedContact> owed = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            boolean current = i == levels.size() - 1;
            Instant start = levels.get(i).since();
            Instant end = current ? asOf : levels.get(i + 1).since();
            RelationshipLevel level = levels.get(i).level();
            for (ContactPromise promise : r.policy().promises(level)) {
                if (promise.kind() == ContactPromise.Kind.FOLLOW_UP_AFTER_SALE) {
                    owed.addAll(followUps(promise, level, sales, contacts, start, end, current));
                } else {
                    owed.addAll(periods(promise, level, contacts, start, end, current));
                }
            }
        }
        owed.sort(comparing(PromisedContact::due));
        List<PromisedContact> kept = owed.stream().filter(PromisedContact::isKept).toList();
        List<PromisedContact> missed = owed.stream().filter(c -> !c.isKept() && !c.due().isAfter(asOf)).toList();
        List<PromisedContact> upcoming = owed.stream().filter(c -> !c.isKept() && c.due().isAfter(asOf)).toList();

        Relationship.LevelChange currentLevel = levels.get(levels.size() - 1);
        RelationshipLevel practised = practisedLevel(r.policy(), currentLevel, missed);
        LOG.debug("reviewed relationship of customer {} as of {}: {} kept, {} missed, {} upcoming",
                r.customer(), asOf, kept.size(), missed.size(), upcoming.size());
        return new RelationshipReview(r.customer(), asOf, currentLevel.level(), practised, r.zone(), kept, missed,
                upcoming);
    }

    private static List<PromisedContact> followUps(ContactPromise promise, RelationshipLevel level,
            List<Purchase> sales, List<Interaction> contacts, Instant start, Instant end, boolean current) {
        List<PromisedContact> owed = new ArrayList<>();
        for (Purchase sale : sales) {
            Instant t = sale.time();
            boolean during = !t.isBefore(start) && (current ? !t.isAfter(end) : t.isBefore(end));
            if (during) {
                Instant due = t.plus(promise.duration());
                owed.add(new PromisedContact(promise, level, t, due, firstKeeping(promise, contacts, t, due)));
            }
        }
        return owed;
    }

    private static List<PromisedContact> periods(ContactPromise promise, RelationshipLevel level,
            List<Interaction> contacts, Instant start, Instant end, boolean current) {
        List<PromisedContact> owed = new ArrayList<>();
        for (Instant from = start; from.isBefore(end); from = from.plus(promise.duration())) {
            Instant due = from.plus(promise.duration());
            boolean cutShort = !current && due.isAfter(end);
            Optional<Instant> kept = firstKeeping(promise, contacts, from, cutShort ? end : due);
            // a period cut short by a level change is reported only if it was kept while the level held
            if (!cutShort || kept.isPresent()) {
                owed.add(new PromisedContact(promise, level, from, due, kept));
            }
        }
        return owed;
    }

    private static Optional<Instant> firstKeeping(ContactPromise promise, List<Interaction> contacts, Instant from,
            Instant due) {
        return contacts.stream()
                .filter(c -> !c.time().isBefore(from) && c.time().isBefore(due) && promise.kind().isKeptBy(c))
                .map(Interaction::time).findFirst();
    }

    /** The highest level at or below the current one whose kinds of promise were all kept since it began. */
    private static RelationshipLevel practisedLevel(ContactPolicy policy, Relationship.LevelChange current,
            List<PromisedContact> missed) {
        Set<ContactPromise.Kind> missedKinds = EnumSet.noneOf(ContactPromise.Kind.class);
        missed.stream().filter(c -> !c.from().isBefore(current.since()))
                .forEach(c -> missedKinds.add(c.promise().kind()));
        RelationshipLevel[] all = RelationshipLevel.values();
        for (int i = current.level().ordinal(); i > 0; i--) {
            if (policy.promises(all[i]).stream().noneMatch(p -> missedKinds.contains(p.kind()))) {
                return all[i];
            }
        }
        return all[0];
    }
}
