package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.loyalty.LoyaltyEvent.Purchased;
import io.crmkit.loyalty.LoyaltyEvent.Refunded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * A program's points ledger. Source events enter an append-only journal ({@link LedgerStore}) once
 * each; every figure is derived from the journal as of the instant asked for, by replaying each
 * member's events in the order (instant, kind, id), so the arrival order of events does not
 * matter, expiry needs no scheduled job, and the entries up to an instant never change when later
 * events arrive.
 *
 * <p>Replay, per event: lots whose expiry instant has come are expired first (an expire entry
 * dated at the expiry instant); a purchase earns by the program's earning rule at the tier held at
 * its instant and adds a lot per campaign bonus; a one-off bonus or an upward adjustment adds a
 * lot; a redemption or downward adjustment takes points from the lots that expire first and is
 * refused, changing nothing, if the balance at its instant is short; a refund reverses the same
 * share of each of the purchase's lots, rounded to the nearest point with halves up, under the
 * program's {@link RefundPolicy}. A new lot first fills a negative balance or settles refund debt.
 * A refund of a purchase the journal does not hold (before the refund, for the same member), or
 * beyond what was purchased, is rejected when applied ({@link RejectedEventException}) and never
 * enters the journal: the one exception to arrival order not mattering is that a refund needs
 * its purchase applied first, or in the same batch.
 *
 * <pre>{@code
 * Ledger ledger = Ledger.inMemory(program);
 * ledger.apply(LoyaltyEvent.purchase("p1", Purchase.of(id, at, Money.of("120.50", "CNY")), "books"));
 * Account account = ledger.account(id, asOf);   // balance, lots, entries, tier
 * }</pre>
 *
 * <p>Thread-safe: {@link #applyAll(Iterable)} is serialised on the ledger, queries read the
 * store's copies.
 */
public final class Ledger {

    /** Members whose events {@link #accounts} reads from the store at once. */
    private static final int MEMBERS_READ_AT_ONCE = 1000;

    private final Program program;
    private final LedgerStore store;

    private Ledger(Program program, LedgerStore store) {
        this.program = requireNonNull(program, "program");
        this.store = requireNonNull(store, "store");
    }

    /**
     * Returns a ledger with an empty in-memory journal.
     *
     * @param program the program
     * @return the ledger
     */
    public static Ledger inMemory(Program program) {
        return new Ledger(program, LedgerStore.inMemory());
    }

    /**
     * Returns a ledger over a journal, which may already hold events.
     *
     * @param program the program
     * @param store the journal
     * @return the ledger
     */
    public static Ledger on(Program program, LedgerStore store) {
        return new Ledger(program, store);
    }

    /** @return the program */
    public Program program() {
        return program;
    }

    /**
     * Applies a source event once. An event whose id is already in the journal with the same
     * content is a duplicate and changes nothing. A redemption or downward adjustment beyond the
     * balance at its instant enters the journal, so that the outcome does not depend on arrival
     * order, but produces no entry and changes no balance; the outcome names the balance. A refund
     * must reverse a purchase of the same member at or before its instant, in the journal or the
     * same batch, and a purchase's refunds total at most its amount: a refund that breaks either
     * rule is an inconsistent record and is rejected, never stored (so a refund cannot arrive
     * before its purchase). Costs a replay of the member's events.
     *
     * @param event the event
     * @return applied, duplicate or refused with the reason
     * @throws RejectedEventException if the id is already used by a different event, a purchase
     *         or refund is not in the program's currency, a refund reverses no purchase of the
     *         member at or before it or more than the purchase's amount (the message names the
     *         refund's id, its amount and the rule), or the member's points would overflow a long
     *         (then nothing is stored)
     */
    public Outcome apply(LoyaltyEvent event) {
        requireNonNull(event, "event");
        return applyAll(List.of(event)).get(0);
    }

    /**
     * Applies events as one batch, all or nothing, replaying each member once: the way to load a
     * history. Each event's outcome is its outcome in the ledger after the whole batch (an event
     * refused at its instant is refused whatever order the batch lists it in).
     *
     * @param events the events, in any order
     * @return the outcome of each, in the order given
     * @throws RejectedEventException as {@link #apply(LoyaltyEvent)} does, for the first such
     *         event; then nothing of the batch is stored
     */
    public synchronized List<Outcome> applyAll(Iterable<? extends LoyaltyEvent> events) {
        requireNonNull(events, "events");
        List<LoyaltyEvent> given = events instanceof Collection<?> c ? new ArrayList<>(c.size()) : new ArrayList<>();
        Map<String, Pending> fresh = new HashMap<>();
        Map<CustomerId, List<Pending>> byMember = new LinkedHashMap<>();
        for (LoyaltyEvent event : events) {
            given.add(requireNonNull(event, "event"));
        }
        // the ids already stored, in one bulk look-up rather than one query an event
        Map<String, LoyaltyEvent> stored = store.findAll(given.stream().map(LoyaltyEvent::id).distinct().toList());
        for (LoyaltyEvent event : given) {
            Money amount = event instanceof Purchased p ? p.purchase().amount() : event instanceof Refunded r ? r.amount() : null;
            if (amount != null && !amount.currency().equals(program.currency())) {
                throw new RejectedEventException(event.id(), "event " + event.id() + " currency " + amount.currency()
                        + " is not the program's " + program.currency());
            }
            Pending pending = fresh.get(event.id());
            LoyaltyEvent known = pending != null ? pending.event : stored.get(event.id());
            if (known != null) {
                if (!known.equals(event)) {
                    throw new RejectedEventException(event.id(), "event id " + event.id() + " is already used by a different event");
                }
                continue;
            }
            pending = new Pending(event);
            fresh.put(event.id(), pending);
            byMember.computeIfAbsent(event.customer(), m -> new ArrayList<>(4)).add(pending);
        }
        Map<String, String> refused = new HashMap<>();
        Map<CustomerId, List<LoyaltyEvent>> history = store.events(byMember.keySet());
        for (Map.Entry<CustomerId, List<Pending>> member : byMember.entrySet()) {
            List<LoyaltyEvent> before = history.getOrDefault(member.getKey(), List.of());
            List<LoyaltyEvent> all = new ArrayList<>(before);
            for (Pending p : member.getValue()) {
                all.add(p.event);
            }
            List<Refusal> refusals = Replay.run(program, member.getKey(), all, last(all)).refusals();
            rejectInconsistentRefunds(member.getKey(), before, member.getValue(), fresh, refusals);
            for (Refusal r : refusals) {
                refused.put(r.eventId(), r.reason());
            }
        }
        // member by member (each member's events in the order given), so that a store finds the
        // member's list once per run of appends; one batch, which a database-backed store writes in
        // one transaction
        List<Pending> order = new ArrayList<>(fresh.size());
        byMember.values().forEach(order::addAll);
        List<Optional<LoyaltyEvent>> appended = store.appendAllIfAbsent(order.stream().map(p -> p.event).toList());
        for (int i = 0; i < order.size(); i++) {
            order.get(i).appended = appended.get(i).isEmpty();
        }
        ImmutableList.Builder<Outcome> outcomes = ImmutableList.builderWithExpectedSize(given.size());
        for (LoyaltyEvent e : given) {
            Pending p = fresh.get(e.id());
            boolean first = p != null && p.appended && !p.reported;
            if (first) {
                p.reported = true;
            }
            if (!first) {
                outcomes.add(new Outcome(e.id(), Outcome.Status.DUPLICATE, Optional.empty()));
            } else if (refused.containsKey(e.id())) {
                outcomes.add(new Outcome(e.id(), Outcome.Status.REFUSED, Optional.of(refused.get(e.id()))));
            } else {
                outcomes.add(new Outcome(e.id(), Outcome.Status.APPLIED, Optional.empty()));
            }
        }
        return outcomes.build();
    }

    private static Instant last(List<LoyaltyEvent> events) {
        Instant last = Instant.MIN;
        for (LoyaltyEvent e : events) {
            last = e.at().isAfter(last) ? e.at() : last;
        }
        return last;
    }

    /**
     * Rejects the batch if, with it, a refund would reverse a purchase the journal does not hold (an
     * unknown id, another member's purchase, or one after the refund) or take a purchase's refunds
     * beyond its amount: such a refund is an inconsistent record, not an outcome, and the journal
     * is append-only, so it never enters. A refund of the batch is named itself; a stored refund
     * pushed beyond the purchase by an earlier one of the batch names that one. A refund the
     * journal already held refused (written before this rule) stays as it was.
     */
    private void rejectInconsistentRefunds(CustomerId member, List<LoyaltyEvent> before, List<Pending> batch,
            Map<String, Pending> fresh, List<Refusal> refusals) {
        Set<String> refusedBefore = null;
        for (Refusal r : refusals) {
            if (fresh.containsKey(r.eventId())) {
                if (fresh.get(r.eventId()).event instanceof Refunded) {
                    throw new RejectedEventException(r.eventId(), r.reason());
                }
                continue;
            }
            LoyaltyEvent stored = before.stream().filter(e -> e.id().equals(r.eventId())).findFirst().orElse(null);
            if (!(stored instanceof Refunded storedRefund)) {
                continue;
            }
            if (refusedBefore == null) {
                refusedBefore = new HashSet<>();
                for (Refusal old : Replay.run(program, member, before, last(before)).refusals()) {
                    refusedBefore.add(old.eventId());
                }
            }
            if (refusedBefore.contains(r.eventId())) {
                continue;
            }
            for (Pending p : batch) {
                if (p.event instanceof Refunded earlier && earlier.purchaseId().equals(storedRefund.purchaseId())) {
                    throw new RejectedEventException(earlier.id(), "refund " + earlier.id() + " of "
                            + earlier.amount().amount().toPlainString() + " takes purchase " + earlier.purchaseId()
                            + "'s refunds beyond its amount: then " + r.reason());
                }
            }
        }
    }

    /** A new event of a batch: whether the store took it, and whether its outcome was reported. */
    private static final class Pending {
        final LoyaltyEvent event;
        boolean appended;
        boolean reported;

        Pending(LoyaltyEvent event) {
            this.event = event;
        }
    }

    /** @return the members with at least one event, in id order */
    public Set<CustomerId> customers() {
        return new TreeSet<>(store.customers());
    }

    /**
     * A member's account as of an instant: the events at or before it, and the expiries due by it.
     *
     * @param customer the member (one without events has an empty account in the base tier)
     * @param asOf the instant
     * @return the account
     */
    public Account account(CustomerId customer, Instant asOf) {
        requireNonNull(customer, "customer");
        requireNonNull(asOf, "asOf");
        return Replay.run(program, customer, store.events(customer), asOf).account(asOf);
    }

    /**
     * A member's statement over (from, to].
     *
     * @param customer the member
     * @param from the start, exclusive
     * @param to the end, inclusive, not before from
     * @return the statement
     * @throws IllegalArgumentException if to is before from
     */
    public Statement statement(CustomerId customer, Instant from, Instant to) {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        checkArgument(!to.isBefore(from), "statement to %s is before from %s", to, from);
        return statement(account(customer, to), from);
    }

    /**
     * The statement over (from, account's as-of] from an account already derived.
     *
     * @param account the account as of the end of the period
     * @param from the start, exclusive, not after the account's instant
     * @return the statement
     * @throws IllegalArgumentException if from is after the account's instant
     */
    public static Statement statement(Account account, Instant from) {
        requireNonNull(account, "account");
        requireNonNull(from, "from");
        checkArgument(!from.isAfter(account.asOf()), "statement from %s is after to %s", from, account.asOf());
        long opening = 0;
        long[] byKind = new long[EntryKind.values().length];
        for (LedgerEntry e : account.entries()) {
            if (e.at().isAfter(from)) {
                byKind[e.kind().ordinal()] = Math.addExact(byKind[e.kind().ordinal()], e.points());
            } else {
                opening = Math.addExact(opening, e.points());
            }
        }
        return new Statement(account.customer(), from, account.asOf(), opening, byKind[EntryKind.EARN.ordinal()],
                byKind[EntryKind.BONUS.ordinal()], byKind[EntryKind.ADJUST.ordinal()],
                -byKind[EntryKind.REDEEM.ordinal()], -byKind[EntryKind.EXPIRE.ordinal()],
                -byKind[EntryKind.REVERSE.ordinal()], account.balance());
    }

    /**
     * Points of a member expiring in the next days, assuming no further activity.
     *
     * @param customer the member
     * @param asOf the instant
     * @param days the horizon in days on the program's calendar, 0 to 36,500
     * @return the points whose expiry falls after asOf and no later than asOf plus days
     * @throws IllegalArgumentException if days is out of range
     */
    public long expiring(CustomerId customer, Instant asOf, int days) {
        checkArgument(days >= 0 && days <= 36_500, "days %s is out of range: it must be 0 to 36,500", days);
        Account a = account(customer, asOf);
        return a.expiringBy(asOf.atZone(program.zone()).plusDays(days).toInstant());
    }

    /**
     * The account of every member with an event at or before an instant.
     *
     * @param asOf the instant
     * @return the accounts in member id order
     */
    public List<Account> accounts(Instant asOf) {
        requireNonNull(asOf, "asOf");
        List<CustomerId> members = new ArrayList<>(store.customers());
        members.sort(null);
        List<Account> all = new ArrayList<>(members.size());
        // members' events read a chunk at a time: a store backed by a database reads a chunk in one query
        for (int from = 0; from < members.size(); from += MEMBERS_READ_AT_ONCE) {
            List<CustomerId> chunk = members.subList(from, Math.min(members.size(), from + MEMBERS_READ_AT_ONCE));
            Map<CustomerId, List<LoyaltyEvent>> read = store.events(chunk);
            for (CustomerId c : chunk) {
                List<LoyaltyEvent> events = read.getOrDefault(c, List.of());
                if (anyAtOrBefore(events, asOf)) {
                    all.add(Replay.run(program, c, events, asOf).account(asOf));
                }
            }
        }
        return all;
    }

    private static boolean anyAtOrBefore(List<LoyaltyEvent> events, Instant asOf) {
        for (LoyaltyEvent e : events) {
            if (!e.at().isAfter(asOf)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The points outstanding: the sum of the positive balances (a negative balance is a claim on
     * the member, not a reduction of what others can spend).
     *
     * @param asOf the instant
     * @return the outstanding points
     */
    public long outstanding(Instant asOf) {
        long sum = 0;
        for (Account a : accounts(asOf)) {
            sum = Math.addExact(sum, Math.max(a.balance(), 0));
        }
        return sum;
    }

    /**
     * The liability of the outstanding points: {@link #outstanding(Instant)} × cost per point,
     * exact (no rounding).
     *
     * @param asOf the instant
     * @param costPerPoint what one point costs the program when redeemed, at least 0
     * @return the liability in the cost's currency
     * @throws IllegalArgumentException if the cost is negative
     */
    public Money liability(Instant asOf, Money costPerPoint) {
        requireNonNull(costPerPoint, "costPerPoint");
        checkArgument(!costPerPoint.isNegative(), "costPerPoint %s is negative", costPerPoint);
        return Money.of(costPerPoint.amount().multiply(BigDecimal.valueOf(outstanding(asOf))), costPerPoint.currency());
    }

    /**
     * The breakage rate observed up to an instant: expired ÷ (redeemed + expired), over the points
     * whose fate is settled (outstanding points are left out, as are reversed ones).
     *
     * @param asOf the instant
     * @return the rate in [0, 1], or empty if no point was redeemed or expired yet
     */
    public OptionalDouble breakageRate(Instant asOf) {
        long redeemed = 0;
        long expired = 0;
        for (Account a : accounts(asOf)) {
            redeemed = Math.addExact(redeemed, -a.total(EntryKind.REDEEM));
            expired = Math.addExact(expired, -a.total(EntryKind.EXPIRE));
        }
        long settled = Math.addExact(redeemed, expired);
        return settled == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) expired / settled);
    }
}
