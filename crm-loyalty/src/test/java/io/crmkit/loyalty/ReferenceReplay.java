package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.loyalty.LoyaltyEvent.Adjusted;
import io.crmkit.loyalty.LoyaltyEvent.Awarded;
import io.crmkit.loyalty.LoyaltyEvent.Purchased;
import io.crmkit.loyalty.LoyaltyEvent.Redeemed;
import io.crmkit.loyalty.LoyaltyEvent.Refunded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replay as first written (a copy of Replay before it computed calendar boundaries once per
 * window and earned with one precomputed rate): the reference the faster replay is compared with
 * in {@code FastReplayPropertiesTest}. Straightforward java.time and BigDecimal arithmetic on every
 * event. Not thread-safe; each call to {@link #run} uses its own instance.
 */
final class ReferenceReplay {

    /** The order events of one member are applied in, whatever order they arrived in. */
    static final Comparator<LoyaltyEvent> ORDER = Comparator.comparing(LoyaltyEvent::at)
            .thenComparingInt(LoyaltyEvent::rank).thenComparing(LoyaltyEvent::id);

    private static final Comparator<MutableLot> SPENDING_ORDER = Comparator
            .comparing((MutableLot l) -> l.expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(l -> l.earnedAt).thenComparing(l -> l.id);

    private final Program program;
    private final CustomerId customer;
    private final List<MutableLot> lots = new ArrayList<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Map<String, PurchaseState> purchases = new HashMap<>();
    private final Map<String, Long> campaignUsed = new HashMap<>();
    private final Deque<Debt> debts = new ArrayDeque<>();
    private final ReferenceTierTrack tiers;
    private long deficit;
    private Instant lastActivity;

    private ReferenceReplay(Program program, CustomerId customer) {
        this.program = program;
        this.customer = customer;
        this.tiers = new ReferenceTierTrack(program);
    }

    /**
     * Replays a member's events up to an instant.
     *
     * @throws RejectedEventException if points overflow a long
     */
    static ReferenceReplay run(Program program, CustomerId customer, List<LoyaltyEvent> events, Instant asOf) {
        ReferenceReplay r = new ReferenceReplay(program, customer);
        List<LoyaltyEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        for (LoyaltyEvent e : sorted) {
            if (e.at().isAfter(asOf)) {
                break;
            }
            r.tiers.start(e.at());
            r.expireUntil(e.at());
            r.tiers.advance(e.at());
            try {
                r.apply(e);
            } catch (ArithmeticException overflow) {
                throw new RejectedEventException(e.id(), "event " + e.id() + ": points overflow the range of a long ("
                        + overflow.getMessage() + "): refused, not wrapped", overflow);
            }
        }
        r.expireUntil(asOf);
        r.tiers.advance(asOf);
        return r;
    }

    private void apply(LoyaltyEvent e) {
        if (e instanceof Purchased p) {
            purchase(p);
        } else if (e instanceof Refunded r) {
            refund(r);
        } else if (e instanceof Redeemed r) {
            if (take(r.id(), r.at(), r.points(), EntryKind.REDEEM, "", "redemption")) {
                activity(r.at());
            }
        } else if (e instanceof Awarded a) {
            activity(a.at());
            MutableLot lot = newLot(a.id(), EntryKind.BONUS, a.at(), a.points(), a.reason());
            tiers.record(a.at(), program.bonusesQualify() ? a.points() : 0);
            settle(lot);
        } else if (e instanceof Adjusted a) {
            String note = a.actor() + ": " + a.reason();
            if (a.points() > 0) {
                settle(newLot(a.id(), EntryKind.ADJUST, a.at(), a.points(), note));
            } else {
                take(a.id(), a.at(), -a.points(), EntryKind.ADJUST, note, "adjustment");
            }
        }
    }

    private void purchase(Purchased p) {
        Instant t = p.at();
        String category = p.category().orElse(null);
        BigDecimal amount = p.purchase().amount().amount();
        LoyaltyTier tier = program.tiers().get(program.tiers().size() - 1 - tiers.level());
        long base = points(amount.multiply(program.pointsPerUnit()).multiply(program.categoryMultiplier(category))
                .multiply(tier.multiplier()));
        activity(t);
        PurchaseState state = new PurchaseState(amount);
        purchases.put(p.id(), state);
        List<MutableLot> created = new ArrayList<>();
        if (base > 0) {
            created.add(newLot(p.id(), EntryKind.EARN, t, base, ""));
        }
        long qualifying = base;
        for (Campaign c : program.campaigns()) {
            if (!c.appliesTo(t, category)) {
                continue;
            }
            long used = campaignUsed.getOrDefault(c.name(), 0L);
            long give = Math.min(points(amount.multiply(c.bonusPerUnit())), c.capPerCustomer() - used);
            if (give > 0) {
                campaignUsed.put(c.name(), Math.addExact(used, give));
                created.add(newLot(p.id() + "/" + c.name(), p.id(), EntryKind.BONUS, t, give, "campaign " + c.name()));
                if (program.bonusesQualify()) {
                    qualifying = Math.addExact(qualifying, give);
                }
            }
        }
        state.lots.addAll(created);
        state.reversed = new long[created.size()];
        state.qualifying = qualifying;
        tiers.record(t, qualifying);
        for (MutableLot lot : created) {
            settle(lot);
        }
    }

    private long points(BigDecimal exact) {
        return exact.setScale(0, program.rounding()).longValueExact();
    }

    private void refund(Refunded r) {
        PurchaseState state = purchases.get(r.purchaseId());
        if (state == null) {
            refuse(r, "refund " + r.id() + " of " + r.amount().amount().toPlainString() + " refers to purchase "
                    + r.purchaseId() + ", which is not a purchase of this member at or before the refund: a refund "
                    + "reverses a purchase the ledger holds");
            return;
        }
        BigDecimal total = state.refunded.add(r.amount().amount());
        if (total.compareTo(state.amount) > 0) {
            refuse(r, "refund " + r.id() + " of " + r.amount().amount().toPlainString() + " with "
                    + state.refunded.toPlainString() + " already refunded exceeds purchase " + r.purchaseId() + "'s "
                    + state.amount.toPlainString() + ": the refunds of a purchase total at most its amount");
            return;
        }
        state.refunded = total;
        String note = "refund of " + total.toPlainString() + " of " + state.amount.toPlainString() + " (purchase "
                + r.purchaseId() + ")";
        for (int i = 0; i < state.lots.size(); i++) {
            MutableLot lot = state.lots.get(i);
            long target = share(lot.points, total, state.amount);
            long delta = target - state.reversed[i];
            state.reversed[i] = target;
            if (delta > 0) {
                reverse(r, lot, delta, note);
            }
        }
        long targetQ = share(state.qualifying, total, state.amount);
        long dq = targetQ - state.qualifyingReversed;
        state.qualifyingReversed = targetQ;
        tiers.record(r.at(), -dq);
    }

    /** round(points × part ÷ whole), halves up. */
    private static long share(long points, BigDecimal part, BigDecimal whole) {
        return BigDecimal.valueOf(points).multiply(part).divide(whole, 0, RoundingMode.HALF_UP).longValueExact();
    }

    private void reverse(Refunded r, MutableLot own, long n, String note) {
        long left = n;
        List<MutableLot> order = new ArrayList<>();
        order.add(own);
        order.addAll(spendingOrder());
        for (MutableLot lot : order) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining);
            if (take > 0) {
                lot.remaining -= take;
                left -= take;
                entries.add(entry(r.at(), EntryKind.REVERSE, -take, r.id(), Optional.of(lot.id), note));
            }
        }
        if (left > 0) {
            if (program.refundPolicy() == RefundPolicy.NEGATIVE_BALANCE) {
                deficit = Math.addExact(deficit, left);
                entries.add(entry(r.at(), EntryKind.REVERSE, -left, r.id(), Optional.empty(),
                        note + "; already spent, balance below zero"));
            } else {
                debts.addLast(new Debt(r.id(), left));
            }
        }
    }

    /** Takes points from the lots that expire first, or refuses if the balance is short. */
    private boolean take(String id, Instant t, long n, EntryKind kind, String note, String what) {
        long balance = balance();
        if (n > balance) {
            refusals.add(new Refusal(id, customer, t, what + " " + id + " of " + ReferenceTierTrack.fmt(n)
                    + " points refused: the balance is " + ReferenceTierTrack.fmt(balance) + " points"));
            return false;
        }
        long left = n;
        for (MutableLot lot : spendingOrder()) {
            if (left == 0) {
                break;
            }
            long from = Math.min(left, lot.remaining);
            lot.remaining -= from;
            left -= from;
            entries.add(entry(t, kind, -from, id, Optional.of(lot.id), note));
        }
        return true;
    }

    private void refuse(LoyaltyEvent e, String reason) {
        refusals.add(new Refusal(e.id(), customer, e.at(), reason));
    }

    /** Open lots in the order they are spent. */
    private List<MutableLot> spendingOrder() {
        List<MutableLot> open = new ArrayList<>();
        for (MutableLot l : lots) {
            if (l.remaining > 0) {
                open.add(l);
            }
        }
        open.sort(SPENDING_ORDER);
        return open;
    }

    private MutableLot newLot(String id, EntryKind kind, Instant t, long points, String note) {
        return newLot(id, id, kind, t, points, note);
    }

    private MutableLot newLot(String id, String source, EntryKind kind, Instant t, long points, String note) {
        MutableLot lot = new MutableLot(id, source, kind, t, points);
        lot.expiresAt = program.expiry().expiryOf(t, lastActivity == null ? t : lastActivity, program.zone()).orElse(null);
        lots.add(lot);
        entries.add(entry(t, kind, points, source, Optional.of(id), note));
        return lot;
    }

    /** A new lot first fills a negative balance, or settles recorded refund debts. */
    private void settle(MutableLot lot) {
        if (deficit > 0) {
            long fill = Math.min(deficit, lot.remaining);
            lot.remaining -= fill;
            deficit -= fill;
        }
        while (!debts.isEmpty() && lot.remaining > 0) {
            Debt d = debts.peekFirst();
            long pay = Math.min(d.points, lot.remaining);
            lot.remaining -= pay;
            d.points -= pay;
            entries.add(entry(lot.earnedAt, EntryKind.REVERSE, -pay, d.refundId, Optional.of(lot.id),
                    "settles the debt of refund " + d.refundId));
            if (d.points == 0) {
                debts.removeFirst();
            }
        }
    }

    private void activity(Instant t) {
        lastActivity = t;
        if (program.expiry().kind() == ExpiryPolicy.Kind.ACTIVITY_EXTENDED) {
            for (MutableLot l : lots) {
                if (l.remaining > 0) {
                    l.expiresAt = program.expiry().expiryOf(l.earnedAt, t, program.zone()).orElseThrow();
                }
            }
        }
    }

    private void expireUntil(Instant t) {
        List<MutableLot> due = new ArrayList<>();
        for (MutableLot l : lots) {
            if (l.remaining > 0 && l.expiresAt != null && !l.expiresAt.isAfter(t)) {
                due.add(l);
            }
        }
        due.sort(SPENDING_ORDER);
        for (MutableLot l : due) {
            entries.add(entry(l.expiresAt, EntryKind.EXPIRE, -l.remaining, l.source, Optional.of(l.id), ""));
            l.remaining = 0;
        }
    }

    private LedgerEntry entry(Instant t, EntryKind kind, long points, String source, Optional<String> lot, String note) {
        return new LedgerEntry(customer, t, kind, points, source, lot, note);
    }

    private long balance() {
        long sum = 0;
        for (MutableLot l : lots) {
            sum = Math.addExact(sum, l.remaining);
        }
        return sum - deficit;
    }

    /** The member's account as of the replay's instant. */
    Account account(Instant asOf) {
        checkArgument(asOf != null, "asOf is null");
        List<Lot> open = new ArrayList<>();
        for (MutableLot l : spendingOrder()) {
            open.add(new Lot(l.id, l.kind, l.source, l.earnedAt, l.points, l.remaining, Optional.ofNullable(l.expiresAt)));
        }
        long debt = 0;
        for (Debt d : debts) {
            debt = Math.addExact(debt, d.points);
        }
        return new Account(customer, asOf, balance(), debt, open, ImmutableList.copyOf(entries),
                ImmutableList.copyOf(refusals), tiers.status(asOf));
    }

    /** @return the events refused */
    List<Refusal> refusals() {
        return refusals;
    }

    private static final class MutableLot {
        final String id;
        final String source;
        final EntryKind kind;
        final Instant earnedAt;
        final long points;
        long remaining;
        Instant expiresAt;

        MutableLot(String id, String source, EntryKind kind, Instant earnedAt, long points) {
            this.id = id;
            this.source = source;
            this.kind = kind;
            this.earnedAt = earnedAt;
            this.points = points;
            this.remaining = points;
        }
    }

    private static final class PurchaseState {
        final BigDecimal amount;
        BigDecimal refunded = BigDecimal.ZERO;
        final List<MutableLot> lots = new ArrayList<>();
        long[] reversed;
        long qualifying;
        long qualifyingReversed;

        PurchaseState(BigDecimal amount) {
            this.amount = amount;
        }
    }

    private static final class Debt {
        final String refundId;
        long points;

        Debt(String refundId, long points) {
            this.refundId = refundId;
            this.points = points;
        }
    }
}
