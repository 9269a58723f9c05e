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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives one member's ledger from their events: sorts them by (instant, kind, id), then applies
 * each at its instant after expiring the lots due by then, and finally expires what is due by the
 * as-of instant. Events that arrive in order (the usual case) are not sorted again; the earning
 * rate of each category and tier is the program's precomputed exact product; calendar arithmetic
 * (expiry, windows) goes through the program's {@link ZoneCalendar}. Not thread-safe; each call to
 * {@link #run} uses its own instance.
 */
final class Replay {

    /** The order events of one member are applied in, whatever order they arrived in. */
    static final Comparator<LoyaltyEvent> ORDER = (a, b) -> {
        int c = a.at().compareTo(b.at());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.rank(), b.rank());
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    /** Expiry first (never-expiring lots last), then the instant earned, then the lot's id. */
    private static final Comparator<MutableLot> SPENDING_ORDER = (a, b) -> {
        int c;
        if (a.expiresAt == null || b.expiresAt == null) {
            c = a.expiresAt == null ? (b.expiresAt == null ? 0 : 1) : -1;
        } else {
            c = a.expiresAt.compareTo(b.expiresAt);
        }
        if (c != 0) {
            return c;
        }
        c = a.earnedAt.compareTo(b.earnedAt);
        return c != 0 ? c : a.id.compareTo(b.id);
    };

    private final Program program;
    private final ZoneCalendar calendar;
    private final CustomerId customer;
    private final List<MutableLot> lots = new ArrayList<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    /** Whether the history has refunds: only then is each purchase's state kept for them. */
    private final boolean refunds;
    private final Map<String, PurchaseState> purchases = new HashMap<>();
    private final Map<String, Long> campaignUsed = new HashMap<>();
    private final Deque<Debt> debts = new ArrayDeque<>();
    private final TierTrack tiers;
    private long deficit;
    /**
     * The points of every lot made so far, saturating at {@code Long.MAX_VALUE}: while it is below,
     * no balance can overflow; once it saturates, each event checks the balance exactly.
     */
    private long made;
    private Instant lastActivity;
    /** The end-of-year expiry instant last computed, and the year of earning it is for. */
    private int yearEarned = Integer.MIN_VALUE;
    private Instant yearExpiry;

    private Replay(Program program, CustomerId customer, boolean refunds) {
        this.refunds = refunds;
        this.program = program;
        this.calendar = program.calendar();
        this.customer = customer;
        this.tiers = new TierTrack(program);
    }

    /**
     * Replays a member's events up to an instant.
     *
     * @throws RejectedEventException if points overflow a long
     */
    static Replay run(Program program, CustomerId customer, List<LoyaltyEvent> events, Instant asOf) {
        LoyaltyEvent[] sorted = events.toArray(new LoyaltyEvent[0]);
        boolean refunds = false;
        for (LoyaltyEvent e : sorted) {
            refunds |= e instanceof Refunded;
        }
        Replay r = new Replay(program, customer, refunds);
        if (!ordered(sorted)) {
            Arrays.sort(sorted, ORDER);
        }
        for (LoyaltyEvent e : sorted) {
            if (e.at().isAfter(asOf)) {
                break;
            }
            r.tiers.start(e.at());
            r.expireUntil(e.at());
            r.tiers.advance(e.at());
            try {
                r.apply(e);
                if (r.made == Long.MAX_VALUE) {
                    r.balance();
                }
            } catch (ArithmeticException overflow) {
                throw new RejectedEventException(e.id(), "event " + e.id() + ": points overflow the range of a long ("
                        + overflow.getMessage() + "): refused, not wrapped", overflow);
            }
        }
        r.expireUntil(asOf);
        r.tiers.advance(asOf);
        return r;
    }

    private static boolean ordered(LoyaltyEvent[] events) {
        for (int i = 1; i < events.length; i++) {
            if (ORDER.compare(events[i - 1], events[i]) > 0) {
                return false;
            }
        }
        return true;
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
        long base = points(amount.multiply(program.earningRate(category, program.tiers().size() - 1 - tiers.level())));
        activity(t);
        List<MutableLot> created = new ArrayList<>(1 + program.campaigns().size());
        if (base > 0) {
            created.add(newLot(p.id(), EntryKind.EARN, t, base, ""));
        }
        long qualifying = base;
        List<Campaign> campaigns = program.campaigns();
        for (int i = 0; i < campaigns.size(); i++) {
            Campaign c = campaigns.get(i);
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
        if (refunds) {
            purchases.put(p.id(), new PurchaseState(amount, created, qualifying));
        }
        tiers.record(t, qualifying);
        for (int i = 0; i < created.size(); i++) {
            settle(created.get(i));
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
                entries.add(entry(r.at(), EntryKind.REVERSE, -take, r.id(), lot.ref, note));
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
            refusals.add(new Refusal(id, customer, t, what + " " + id + " of " + TierTrack.fmt(n)
                    + " points refused: the balance is " + TierTrack.fmt(balance) + " points"));
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
            entries.add(entry(t, kind, -from, id, lot.ref, note));
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
        made = points > Long.MAX_VALUE - made ? Long.MAX_VALUE : made + points;
        lot.expiresAt = expiryOf(t, lastActivity == null ? t : lastActivity);
        lots.add(lot);
        entries.add(entry(t, kind, points, source, lot.ref, note));
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
            entries.add(entry(lot.earnedAt, EntryKind.REVERSE, -pay, d.refundId, lot.ref,
                    "settles the debt of refund " + d.refundId));
            if (d.points == 0) {
                debts.removeFirst();
            }
        }
    }

    /**
     * {@code program.expiry().expiryOf(earnedAt, lastActivity, zone)}, through the program's
     * calendar, the end-of-year instant computed once per year of earning.
     */
    private Instant expiryOf(Instant earnedAt, Instant activity) {
        ExpiryPolicy policy = program.expiry();
        switch (policy.kind()) {
            case ROLLING:
                return calendar.plusMonths(earnedAt, policy.period());
            case END_OF_YEAR:
                int year = calendar.date(earnedAt).getYear();
                if (year != yearEarned) {
                    yearExpiry = calendar.startOfDay(LocalDate.of(year + policy.period() + 1, 1, 1));
                    yearEarned = year;
                }
                return yearExpiry;
            case ACTIVITY_EXTENDED:
                return calendar.plusMonths(activity.isAfter(earnedAt) ? activity : earnedAt, policy.period());
            default:
                return null;
        }
    }

    private void activity(Instant t) {
        lastActivity = t;
        if (program.expiry().kind() == ExpiryPolicy.Kind.ACTIVITY_EXTENDED) {
            // A lot earned at or before t now expires at t plus the period: computed once.
            Instant fromActivity = null;
            for (MutableLot l : lots) {
                if (l.remaining > 0) {
                    if (l.earnedAt.isAfter(t)) {
                        l.expiresAt = expiryOf(l.earnedAt, t);
                    } else {
                        fromActivity = fromActivity == null ? expiryOf(l.earnedAt, t) : fromActivity;
                        l.expiresAt = fromActivity;
                    }
                }
            }
        }
    }

    private void expireUntil(Instant t) {
        int count = 0;
        for (MutableLot l : lots) {
            if (l.remaining > 0 && l.expiresAt != null && !l.expiresAt.isAfter(t)) {
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        List<MutableLot> due = new ArrayList<>(count);
        for (MutableLot l : lots) {
            if (l.remaining > 0 && l.expiresAt != null && !l.expiresAt.isAfter(t)) {
                due.add(l);
            }
        }
        due.sort(SPENDING_ORDER);
        for (MutableLot l : due) {
            entries.add(entry(l.expiresAt, EntryKind.EXPIRE, -l.remaining, l.source, l.ref, ""));
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
        /** The id as entries refer to it, one instance for all of them. */
        final Optional<String> ref;
        long remaining;
        Instant expiresAt;

        MutableLot(String id, String source, EntryKind kind, Instant earnedAt, long points) {
            this.id = id;
            this.ref = Optional.of(id);
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
        final List<MutableLot> lots;
        final long[] reversed;
        final long qualifying;
        long qualifyingReversed;

        PurchaseState(BigDecimal amount, List<MutableLot> lots, long qualifying) {
            this.amount = amount;
            this.lots = lots;
            this.reversed = new long[lots.size()];
            this.qualifying = qualifying;
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
