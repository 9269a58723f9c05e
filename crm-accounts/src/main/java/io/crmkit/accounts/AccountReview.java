package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.PersonalData;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plan checked against its own facts as of a day: every {@link FindingCode} rule applied to the
 * plan, each hit reported as a {@link Finding} that names its subject by id and says why.
 *
 * <p>Findings are ordered by severity ({@link FindingCode} declaration order), then by the
 * influence of the key person concerned (high first; an action counts with its person's
 * influence; findings about the whole account, a deal, or an action for nobody count as high),
 * then by subject id and reason, so that the same plan always gives the same list whatever the
 * order of its people, actions or deals.
 *
 * <p>Boundaries: a decision maker contacted exactly {@code contactIntervalDays} before the review
 * is covered; an action due on the review day is not overdue; a plan or card reviewed exactly
 * {@code reviewEveryDays} before is current; a deal exactly {@code maxDaysInStage} days in its stage
 * is not stalled. Assessments dated after the review day are not counted (the plan keeps them all,
 * so an earlier review sees those it had). The plan keeps only the latest contact, review and stage
 * change, so a review as of a day before one of them is refused rather than guessed: the review
 * day is on or after the plan's {@code lastReview}, every key person's {@code lastContact}, every
 * card's {@code lastReview} and every deal's {@link Deal#since()} ({@link #RULE}).
 *
 * <pre>{@code
 * AccountReview review = AccountReview.of(plan, LocalDate.parse("2026-11-29"));
 * review.findings().forEach(System.out::println);
 * }</pre>
 */
public final class AccountReview {

    private final String account;
    private final LocalDate asOf;
    private final List<Finding> findings;

    private AccountReview(String account, LocalDate asOf, List<Finding> findings) {
        this.account = account;
        this.asOf = asOf;
        this.findings = findings;
    }

    /** The rule a review day before the plan's latest facts breaks, as messages state it. */
    public static final String RULE = "a review is as of a day on or after every last contact, last review and "
            + "stage change the plan records";

    /**
     * Reviews a plan as of a day.
     *
     * @param plan the plan
     * @param asOf the day of the review, on or after every dated fact the plan keeps only the latest of
     * @return the review with its findings in severity order
     * @throws IllegalArgumentException if {@code asOf} is before the plan's {@code lastReview}, a key
     *     person's {@code lastContact}, a card's {@code lastReview} or a deal's current stage
     *     {@code since}; the message names the field, its owner, both days and {@link #RULE}
     */
    public static AccountReview of(AccountPlan plan, LocalDate asOf) {
        requireNonNull(plan, "plan");
        requireNonNull(asOf, "asOf");
        notBefore(asOf, plan.lastReview(), "lastReview of account " + plan.account());
        for (KeyPerson p : plan.people()) {
            notBefore(asOf, p.lastContact(), "lastContact of key person " + p.id());
        }
        for (Deal d : plan.deals()) {
            notBefore(asOf, Optional.of(d.since()), "since (stage " + d.stage() + ") of deal " + d.id());
        }
        for (ExpansionCard c : plan.cards()) {
            notBefore(asOf, c.lastReview(), "lastReview of the expansion card of " + c.person());
        }
        List<Ranked> found = new ArrayList<>();
        new Rules(plan, asOf, found).apply();
        found.sort(Comparator.comparing((Ranked r) -> r.finding.code())
                .thenComparing(r -> r.influence)
                .thenComparing(r -> r.finding.subject())
                .thenComparing(r -> r.finding.reason()));
        return new AccountReview(plan.account(), asOf,
                found.stream().map(r -> r.finding).collect(Collectors.toUnmodifiableList()));
    }

    private static void notBefore(LocalDate asOf, Optional<LocalDate> fact, String field) {
        if (fact.isPresent() && asOf.isBefore(fact.get())) {
            throw new IllegalArgumentException("asOf " + asOf + " is before the " + field + ", " + fact.get() + ": " + RULE);
        }
    }

    /** @return the account's name */
    public String account() {
        return account;
    }

    /** @return the day of the review */
    public LocalDate asOf() {
        return asOf;
    }

    /** @return the findings, most severe first; empty when the plan is in order */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * Returns the findings with a given code.
     *
     * @param code the code
     * @return those findings, in review order
     */
    public List<Finding> findings(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).collect(Collectors.toUnmodifiableList());
    }

    /** @return for example {@code AccountReview[Northwind Steel as of 2026-11-29, 3 findings]} */
    @Override
    public String toString() {
        return "AccountReview[" + account + " as of " + asOf + ", " + findings.size() + " findings]";
    }

    private record Ranked(Finding finding, Influence influence) {
    }

    /** The eight rules, each adding its findings. */
    private static final class Rules {
        private final AccountPlan plan;
        private final LocalDate asOf;
        private final List<Ranked> out;

        Rules(AccountPlan plan, LocalDate asOf, List<Ranked> out) {
            this.plan = plan;
            this.asOf = asOf;
            this.out = out;
        }

        void apply() {
            decisionMakersCovered();
            opponentsWorkedOn();
            dealsMoving();
            actionsOnTime();
            assessmentNotDeclining();
            sponsorsMatch();
            coachPresent();
            reviewsCurrent();
        }

        private void add(FindingCode code, String subject, Influence influence, String reason) {
            out.add(new Ranked(new Finding(code, subject, reason), influence));
        }

        private static String who(KeyPerson p) {
            return p.maskedName() + " (" + p.id() + ")";
        }

        private void decisionMakersCovered() {
            for (KeyPerson p : plan.people()) {
                if (p.role() != BuyingRole.DECISION_MAKER) {
                    continue;
                }
                List<String> gaps = new ArrayList<>();
                if (p.owner().isEmpty()) {
                    gaps.add("has no owner");
                }
                if (p.lastContact().isEmpty()) {
                    gaps.add("was never contacted");
                } else {
                    long days = ChronoUnit.DAYS.between(p.lastContact().get(), asOf);
                    if (days > plan.contactIntervalDays()) {
                        gaps.add("was last contacted on " + p.lastContact().get() + ", " + days
                                + " days ago, more than the " + plan.contactIntervalDays() + "-day contact interval");
                    }
                }
                if (!gaps.isEmpty()) {
                    add(FindingCode.DECISION_MAKER_UNCOVERED, p.id(), p.influence(),
                            "decision maker " + who(p) + " " + String.join(" and ", gaps));
                }
            }
        }

        private void opponentsWorkedOn() {
            Set<String> withOpenAction = plan.actions().stream()
                    .filter(a -> a.status() == Action.Status.OPEN && a.person().isPresent())
                    .map(a -> a.person().get()).collect(Collectors.toSet());
            for (KeyPerson p : plan.people()) {
                if (p.attitude() == Attitude.NOT_ACCEPTING && p.influence() != Influence.LOW
                        && !withOpenAction.contains(p.id())) {
                    add(FindingCode.OPPOSED_WITHOUT_ACTION, p.id(), p.influence(),
                            p.influence().name().toLowerCase(Locale.ROOT) + "-influence " + p.role() + " " + who(p)
                                    + " does not accept us and has no open action (tactics: "
                                    + p.tactics().stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
                }
            }
        }

        private void dealsMoving() {
            for (Deal d : plan.deals()) {
                if (d.isStalled(asOf)) {
                    add(FindingCode.STAGE_STALLED, d.id(), Influence.HIGH,
                            "deal " + d.id() + " has been in " + d.stage() + " since " + d.since() + ", "
                                    + ChronoUnit.DAYS.between(d.since(), asOf) + " days, more than the "
                                    + d.maxDaysInStage().getAsInt() + " days the plan allows");
                }
            }
        }

        private void actionsOnTime() {
            for (Action a : plan.actions()) {
                if (a.isOverdue(asOf)) {
                    Optional<KeyPerson> p = a.person().flatMap(plan::person);
                    long days = ChronoUnit.DAYS.between(a.due(), asOf);
                    add(FindingCode.OVERDUE_ACTION, a.id(), p.map(KeyPerson::influence).orElse(Influence.HIGH),
                            "action " + a.id() + p.map(x -> " for " + who(x)).orElse("")
                                    + a.owner().map(o -> ", owner " + PersonalData.maskHandle(o)).orElse(", no owner")
                                    + ", was due " + a.due() + ", " + days + (days == 1 ? " day" : " days") + " ago");
                }
            }
        }

        private void assessmentNotDeclining() {
            RelationshipTrend trend = RelationshipTrend.of(plan.assessments().stream()
                    .filter(a -> !a.date().isAfter(asOf)).collect(Collectors.toList()));
            if (trend.direction() == RelationshipTrend.Direction.DECLINING) {
                List<RelationshipAssessment> a = trend.assessments();
                RelationshipAssessment before = a.get(a.size() - 2);
                RelationshipAssessment last = a.get(a.size() - 1);
                add(FindingCode.ASSESSMENT_DECLINING, plan.account(), Influence.HIGH, String.format(Locale.ROOT,
                        "relationship index fell from %.2f on %s to %.2f on %s", before.index(), before.date(),
                        last.index(), last.date()));
            }
        }

        private void sponsorsMatch() {
            for (SponsorCheck c : plan.sponsorChecks()) {
                if (!c.allHold()) {
                    add(FindingCode.SPONSOR_MISMATCH, c.person().id(), c.person().influence(),
                            "sponsor " + c.pairing().maskedExecutive() + " for " + who(c.person()) + " fails "
                                    + c.explainFailures());
                }
            }
        }

        private void coachPresent() {
            if (plan.people().stream().noneMatch(KeyPerson::coach)) {
                add(FindingCode.NO_COACH, plan.account(), Influence.HIGH,
                        "none of the " + plan.people().size() + " key people of " + plan.account()
                                + " acts as our coach");
            }
        }

        private void reviewsCurrent() {
            overdue(plan.lastReview()).ifPresent(why -> add(FindingCode.REVIEW_OVERDUE, plan.account(), Influence.HIGH,
                    "the plan " + why));
            for (ExpansionCard c : plan.cards()) {
                KeyPerson p = plan.person(c.person()).orElseThrow();
                overdue(c.lastReview()).ifPresent(why -> add(FindingCode.REVIEW_OVERDUE, p.id(), p.influence(),
                        "the expansion card of " + who(p) + " " + why));
            }
        }

        private Optional<String> overdue(Optional<LocalDate> lastReview) {
            if (lastReview.isEmpty()) {
                return Optional.of("was never reviewed (the cadence is every " + plan.reviewEveryDays() + " days)");
            }
            long days = ChronoUnit.DAYS.between(lastReview.get(), asOf);
            return days > plan.reviewEveryDays()
                    ? Optional.of("was last reviewed on " + lastReview.get() + ", " + days + " days ago, more than the "
                            + plan.reviewEveryDays() + "-day cadence")
                    : Optional.empty();
        }
    }
}
