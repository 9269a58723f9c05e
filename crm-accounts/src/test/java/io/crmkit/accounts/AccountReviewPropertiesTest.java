package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the review over random plans. */
class AccountReviewPropertiesTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-11-29");
    static final String ACCOUNT = "Acme Holdings";

    /** A random consistent plan: reporting lines point to earlier people, references stay inside the plan. */
    @Provide
    Arbitrary<AccountPlan> plans() {
        return Arbitraries.longs().map(AccountReviewPropertiesTest::plan);
    }

    static AccountPlan plan(long seed) {
        Random r = new Random(seed);
        int n = r.nextInt(7);
        List<KeyPerson> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            KeyPerson.Builder b = KeyPerson.builder().id("p" + i).name(name(r))
                    .role(pick(r, BuyingRole.values())).influence(pick(r, Influence.values()))
                    .attitude(pick(r, Attitude.values())).coach(r.nextInt(4) == 0);
            if (r.nextBoolean()) {
                b.rank(1 + r.nextInt(4));
            }
            if (i > 0 && r.nextBoolean()) {
                b.reportsTo("p" + r.nextInt(i));
            }
            if (r.nextInt(4) > 0) {
                b.owner("owner" + r.nextInt(3));
            }
            if (r.nextInt(5) > 0) {
                b.lastContact(AS_OF.minusDays(r.nextInt(120))); // never after the review: it refuses such a plan
            }
            people.add(b.build());
        }
        AccountPlan.Builder plan = AccountPlan.builder().account(ACCOUNT).people(people)
                .contactIntervalDays(30 + r.nextInt(60)).reviewEveryDays(30 + r.nextInt(90));
        if (r.nextInt(4) > 0) {
            plan.lastReview(AS_OF.minusDays(r.nextInt(150)));
        }
        for (int i = 0; n > 0 && i < r.nextInt(3); i++) {
            SponsorPairing.Builder s = SponsorPairing.builder().executive(name(r)).person("p" + r.nextInt(n))
                    .sameBusinessArea(r.nextInt(3) > 0).pastHistory(r.nextInt(3) > 0).ableAndWilling(r.nextInt(3) > 0);
            if (r.nextBoolean()) {
                s.executiveRank(1 + r.nextInt(4));
            }
            plan.addSponsors(s.build());
        }
        int actions = r.nextInt(6);
        for (int i = 0; i < actions; i++) {
            Action.Builder a = Action.builder().id("a" + i).due(AS_OF.plusDays(r.nextInt(60) - 30))
                    .status(r.nextInt(3) == 0 ? Action.Status.DONE : Action.Status.OPEN);
            if (n > 0 && r.nextInt(5) > 0) {
                a.person("p" + r.nextInt(n));
            }
            if (r.nextBoolean()) {
                a.owner("owner" + r.nextInt(3));
            }
            plan.addActions(a.build());
        }
        int assessments = r.nextInt(4);
        for (int i = 0; i < assessments; i++) {
            Map<RelationshipDimension, Integer> scores = new EnumMap<>(RelationshipDimension.class);
            for (RelationshipDimension d : RelationshipDimension.values()) {
                scores.put(d, 1 + r.nextInt(5));
            }
            plan.addAssessments(RelationshipAssessment.of(AS_OF.minusDays(90L * i + r.nextInt(60)), scores));
        }
        for (int i = 0; i < r.nextInt(3); i++) {
            Deal.Builder d = Deal.builder().id("d" + i)
                    .addChanges(new StageChange(pick(r, ProjectStage.values()), AS_OF.minusDays(r.nextInt(200))));
            if (r.nextBoolean()) {
                d.maxDaysInStage(30 + r.nextInt(90));
            }
            plan.addDeals(d.build());
        }
        Set<Integer> carded = new HashSet<>();
        for (int i = 0; n > 0 && i < r.nextInt(3); i++) {
            int p = r.nextInt(n);
            if (carded.add(p)) {
                plan.addCards(new ExpansionCard("p" + p, "commitment", List.of(),
                        r.nextInt(4) > 0 ? Optional.of(AS_OF.minusDays(r.nextInt(150))) : Optional.empty()));
            }
        }
        return plan.build();
    }

    /** Names that cannot occur by chance in a reason: a capital Q and x followed by five letters. */
    static String name(Random r) {
        StringBuilder s = new StringBuilder("Qx");
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    @Property
    void aFindingNamesOnlyIdsOfThePlanAndNeverAFullName(@ForAll("plans") AccountPlan plan) {
        Set<String> ids = new HashSet<>();
        ids.add(plan.account());
        plan.people().forEach(p -> ids.add(p.id()));
        plan.actions().forEach(a -> ids.add(a.id()));
        plan.deals().forEach(d -> ids.add(d.id()));
        for (Finding f : plan.review(AS_OF).findings()) {
            assertTrue(ids.contains(f.subject()), () -> f + " names a subject outside the plan");
            for (KeyPerson p : plan.people()) {
                assertFalse(f.reason().contains(p.name()), () -> f + " prints the name of " + p.id());
            }
            for (SponsorPairing s : plan.sponsors()) {
                assertFalse(f.reason().contains(s.executive()), () -> f + " prints an executive's name");
            }
            assertFalse(f.reason().contains("owner0") || f.reason().contains("owner1"), f::toString);
        }
    }

    @Property
    void reviewingIsDeterministicAndIndependentOfTheOrderOfTheLists(@ForAll("plans") AccountPlan plan,
            @ForAll long shuffleSeed) {
        Random r = new Random(shuffleSeed);
        AccountPlan shuffled = AccountPlan.builder().from(plan).people(shuffle(plan.people(), r))
                .actions(shuffle(plan.actions(), r)).sponsors(shuffle(plan.sponsors(), r))
                .deals(shuffle(plan.deals(), r)).assessments(shuffle(plan.assessments(), r))
                .cards(shuffle(plan.cards(), r)).build();
        List<Finding> findings = plan.review(AS_OF).findings();
        assertEquals(findings, plan.review(AS_OF).findings());
        assertEquals(findings, shuffled.review(AS_OF).findings());
        assertEquals(DecisionChainDiagram.of(plan).mermaid(), DecisionChainDiagram.of(shuffled).mermaid());
        assertEquals(DecisionChainDiagram.of(plan).dot(), DecisionChainDiagram.of(shuffled).dot());
    }

    static <T> List<T> shuffle(List<T> list, Random r) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, r);
        return copy;
    }

    @Property
    void removingAFindingsCauseRemovesTheFinding(@ForAll("plans") AccountPlan plan) {
        for (Finding f : plan.review(AS_OF).findings()) {
            AccountPlan fixed = fix(plan, f);
            assertTrue(fixed.review(AS_OF).findings().stream()
                            .noneMatch(g -> g.code() == f.code() && g.subject().equals(f.subject())),
                    () -> f + " still found after its cause was removed");
        }
    }

    @Property
    void findingsAreInSeverityThenInfluenceOrder(@ForAll("plans") AccountPlan plan) {
        List<Finding> findings = plan.review(AS_OF).findings();
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i - 1).code().compareTo(findings.get(i).code()) <= 0, findings::toString);
        }
    }

    @Property
    void theDiagramShowsTheValuesTheReviewReads(@ForAll("plans") AccountPlan plan) {
        String mermaid = DecisionChainDiagram.of(plan).mermaid();
        List<String> lines = mermaid.lines().toList();
        AccountReview review = plan.review(AS_OF);
        long coachLines = lines.stream().filter(l -> l.matches(" {4}class p\\d+ coach")).count();
        assertEquals(plan.people().stream().filter(KeyPerson::coach).count(), coachLines);
        assertEquals(coachLines == 0, !review.findings(FindingCode.NO_COACH).isEmpty());
        assertEquals(review.findings(FindingCode.SPONSOR_MISMATCH).size(),
                lines.stream().filter(l -> l.contains("-.->|\"sponsor, fails ")).count());
        assertEquals(plan.sponsors().size(), lines.stream().filter(l -> l.contains("-.->|")).count());
        assertEquals(plan.people().stream().filter(p -> p.reportsTo().isPresent()).count(),
                lines.stream().filter(l -> l.contains(" --> ")).count());
        for (Attitude a : Attitude.values()) {
            assertEquals(plan.people().stream().filter(p -> p.attitude() == a).count(),
                    lines.stream().filter(l -> l.matches(" {4}class p\\d+ " + a.name())).count());
        }
        String dot = DecisionChainDiagram.of(plan).dot();
        assertEquals(coachLines, dot.lines().filter(l -> l.contains("penwidth=4")).count());
    }

    /** The remedy for each finding: exactly what the code says is missing, and nothing else. */
    static AccountPlan fix(AccountPlan plan, Finding f) {
        AccountPlan.Builder b = AccountPlan.builder().from(plan);
        switch (f.code()) {
            case DECISION_MAKER_UNCOVERED:
                return b.people(replace(plan.people(), f.subject(),
                        p -> KeyPerson.builder().from(p).owner("owner2").lastContact(AS_OF).build())).build();
            case OPPOSED_WITHOUT_ACTION:
                return b.addActions(Action.builder().id("fix-" + f.subject()).person(f.subject()).due(AS_OF).build()).build();
            case STAGE_STALLED:
                return b.deals(plan.deals().stream().map(d -> !d.id().equals(f.subject()) ? d
                        : Deal.builder().from(d).addChanges(new StageChange(d.stage(), AS_OF)).build()).toList()).build();
            case OVERDUE_ACTION:
                return b.actions(plan.actions().stream().map(a -> a.id().equals(f.subject()) ? a.done() : a).toList()).build();
            case ASSESSMENT_DECLINING: {
                List<RelationshipAssessment> seen = plan.trend().assessments().stream()
                        .filter(a -> !a.date().isAfter(AS_OF)).toList();
                RelationshipAssessment last = seen.get(seen.size() - 1);
                RelationshipAssessment before = seen.get(seen.size() - 2);
                List<RelationshipAssessment> all = new ArrayList<>(plan.assessments());
                all.replaceAll(a -> a == last ? RelationshipAssessment.of(last.date(), before.scores(), before.weights()) : a);
                return b.assessments(all).build();
            }
            case SPONSOR_MISMATCH:
                return b.people(replace(plan.people(), f.subject(), p -> KeyPerson.builder().from(p).rank(1).build()))
                        .sponsors(plan.sponsors().stream().map(s -> !s.person().equals(f.subject()) ? s
                                : SponsorPairing.builder().from(s).executiveRank(1).sameBusinessArea(true).pastHistory(true)
                                        .ableAndWilling(true).build()).toList()).build();
            case NO_COACH:
                return plan.people().isEmpty()
                        ? b.addPeople(KeyPerson.builder().id("coach").name("Qxcoach").coach(true).build()).build()
                        : b.people(replace(plan.people(), plan.people().get(0).id(),
                                p -> KeyPerson.builder().from(p).coach(true).build())).build();
            case REVIEW_OVERDUE:
                if (f.subject().equals(plan.account())) {
                    return b.lastReview(AS_OF).build();
                }
                return b.cards(plan.cards().stream().map(c -> !c.person().equals(f.subject()) ? c
                        : new ExpansionCard(c.person(), c.commitment(), c.actions(), Optional.of(AS_OF))).toList()).build();
            default:
                throw new AssertionError(f);
        }
    }

    static List<KeyPerson> replace(List<KeyPerson> people, String id, java.util.function.UnaryOperator<KeyPerson> change) {
        return people.stream().map(p -> p.id().equals(id) ? change.apply(p) : p).toList();
    }
}
