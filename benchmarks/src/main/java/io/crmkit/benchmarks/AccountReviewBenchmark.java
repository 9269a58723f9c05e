package io.crmkit.benchmarks;

import io.crmkit.accounts.AccountPlan;
import io.crmkit.accounts.AccountReview;
import io.crmkit.accounts.Action;
import io.crmkit.accounts.Attitude;
import io.crmkit.accounts.BuyingRole;
import io.crmkit.accounts.DecisionChainDiagram;
import io.crmkit.accounts.Deal;
import io.crmkit.accounts.Influence;
import io.crmkit.accounts.KeyPerson;
import io.crmkit.accounts.ProjectStage;
import io.crmkit.accounts.RelationshipAssessment;
import io.crmkit.accounts.RelationshipDimension;
import io.crmkit.accounts.SponsorPairing;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Key-account review: a large plan (500 key people in a reporting tree, 2,000 actions, 50
 * sponsors, 100 deals, 20 assessments, seed 7) reviewed as of a day, and its decision chain drawn
 * in Mermaid. Real key-account plans hold tens of people; this one bounds the cost from above.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AccountReviewBenchmark {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-29");

    private AccountPlan plan;

    /** Builds the plan once. */
    @Setup
    public void setUp() {
        Random r = new Random(7);
        AccountPlan.Builder b = AccountPlan.builder().account("Benchmark Steel").lastReview(AS_OF.minusDays(30));
        int people = 500;
        for (int i = 0; i < people; i++) {
            var person = KeyPerson.builder().id("p" + i).name("Name" + i).rank(1 + Integer.numberOfTrailingZeros(i + 1) % 5)
                    .role(BuyingRole.values()[r.nextInt(5)]).influence(Influence.values()[r.nextInt(3)])
                    .attitude(Attitude.values()[r.nextInt(4)]).coach(r.nextInt(20) == 0).owner("owner" + r.nextInt(10))
                    .lastContact(AS_OF.minusDays(r.nextInt(120)));
            if (i > 0) {
                person.reportsTo("p" + r.nextInt(i));
            }
            b.addPeople(person.build());
        }
        for (int i = 0; i < 2000; i++) {
            b.addActions(Action.builder().id("a" + i).person("p" + r.nextInt(people)).owner("owner" + r.nextInt(10))
                    .due(AS_OF.plusDays(r.nextInt(60) - 30)).status(r.nextBoolean() ? Action.Status.OPEN : Action.Status.DONE)
                    .build());
        }
        for (int i = 0; i < 50; i++) {
            b.addSponsors(SponsorPairing.builder().executive("Exec" + i).executiveRank(1 + r.nextInt(5))
                    .person("p" + r.nextInt(people)).sameBusinessArea(r.nextBoolean()).pastHistory(r.nextBoolean())
                    .ableAndWilling(r.nextBoolean()).build());
        }
        for (int i = 0; i < 100; i++) {
            b.addDeals(Deal.builder().from(Deal.of("d" + i, ProjectStage.values()[r.nextInt(4)],
                    AS_OF.minusDays(r.nextInt(200)))).maxDaysInStage(90).build());
        }
        for (int i = 0; i < 20; i++) {
            Map<RelationshipDimension, Integer> scores = new EnumMap<>(RelationshipDimension.class);
            for (RelationshipDimension d : RelationshipDimension.values()) {
                scores.put(d, 1 + r.nextInt(5));
            }
            b.addAssessments(RelationshipAssessment.of(AS_OF.minusDays(30L * i), scores));
        }
        plan = b.build();
    }

    /** @return the review of the whole plan */
    @Benchmark
    public AccountReview review() {
        return plan.review(AS_OF);
    }

    /** @return the decision chain in Mermaid */
    @Benchmark
    public String mermaid() {
        return DecisionChainDiagram.of(plan).mermaid();
    }
}
