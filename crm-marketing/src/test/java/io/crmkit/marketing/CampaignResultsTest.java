package io.crmkit.marketing;

import static io.crmkit.marketing.Fixtures.CONTACT;
import static io.crmkit.marketing.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.marketing.Assignment.Cause;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignResultsTest {

    private static final CampaignPlan PLAN = plan(AudienceRule.everyone(), 0.2).build();

    private static Assignment treated(String id) {
        return Assignment.of(CustomerId.of(id), Cause.ADMITTED, "everyone");
    }

    private static Assignment held(String id) {
        return Assignment.of(CustomerId.of(id), Cause.HELD_OUT, "held out");
    }

    private static CampaignResponse response(String id, Duration afterContact, boolean responded, String revenue) {
        return CampaignResponse.of(CustomerId.of(id), CONTACT.plus(afterContact), responded, Money.of(revenue, "CNY"));
    }

    @Test
    void responsesCountFromTheContactInstantUntilTheWindowCloses() {
        List<Assignment> assignments = List.of(treated("t1"), treated("t2"), treated("t3"), treated("t4"),
                held("c1"), held("c2"), Assignment.of(CustomerId.of("x"), Cause.NO_CONSENT, "no consent"));
        Duration window = PLAN.attributionWindow();
        List<CampaignResponse> responses = List.of(
                response("t1", Duration.ZERO, true, "100"),
                response("t1", Duration.ofDays(2), false, "20"),
                response("t2", window.minusNanos(1), true, "0"),
                response("t3", window, true, "500"),
                response("t4", Duration.ofSeconds(-1), true, "80"),
                response("c1", Duration.ofDays(1), true, "50"),
                response("x", Duration.ofDays(1), true, "70"));
        CampaignResults r = CampaignResults.measure(PLAN, assignments, CONTACT, responses, 1L);

        assertEquals(new GroupOutcome(4, 2, 2, Money.of("120", "CNY")), r.treatment());
        assertEquals(new GroupOutcome(2, 1, 1, Money.of("50", "CNY")), r.control());
        assertEquals(3, r.unattributed(), "t3 at the window's end, t4 before the contact, x excluded");
        assertEquals(0.5, r.treatment().responseRate());
        assertEquals(0, new BigDecimal("30").compareTo(r.treatment().revenuePerCustomer()));
        // 120 − 50 × 4/2 = 20; cost 4 × 0.50 = 2; ROI (20 − 2)/2 = 9
        assertEquals(Money.of("20.00", "CNY"), r.incrementalRevenue());
        assertEquals(Money.of("2.00", "CNY"), r.cost());
        assertEquals(9.0, r.roi().orElseThrow(), 1e-12);
        assertEquals(0.0, r.responseUplift().estimate(), 1e-15);
        assertEquals(5.0, r.revenueUplift().estimate(), 1e-12);
    }

    @Test
    void aThousandAgainstAThousandGivesTheHandCheckedUpliftAndRoi() {
        List<Assignment> assignments = new ArrayList<>();
        List<CampaignResponse> responses = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            assignments.add(treated("t" + i));
            assignments.add(held("c" + i));
            if (i < 120) {
                responses.add(response("t" + i, Duration.ofDays(3), true, "50"));
            }
            if (i < 80) {
                responses.add(response("c" + i, Duration.ofDays(3), true, "50"));
            }
        }
        CampaignResults r = CampaignResults.measure(PLAN, assignments, CONTACT, responses, 2L);
        assertEquals(0.04, r.responseUplift().estimate(), 1e-12);
        assertEquals(0.013718, r.responseUplift().low(), 2e-6);
        assertEquals(0.066450, r.responseUplift().high(), 2e-6);
        // revenue: 6000 against 4000; incremental 6000 − 4000·1000/1000 = 2000; cost 1000 × 0.50 = 500; ROI 3
        assertEquals(Money.of("2000.00", "CNY"), r.incrementalRevenue());
        assertEquals(Money.of("500.00", "CNY"), r.cost());
        assertEquals(3.0, r.roi().orElseThrow(), 1e-12);
        // revenue per customer 6 − 4 = 2; normal approximation √(50²·0.12·0.88/1000 + 50²·0.08·0.92/1000) = 0.669,
        // so roughly 2 ± 1.31
        assertEquals(2.0, r.revenueUplift().estimate(), 1e-12);
        assertEquals(0.69, r.revenueUplift().low(), 0.12);
        assertEquals(3.31, r.revenueUplift().high(), 0.12);
    }

    @Test
    void unequalGroupsScaleTheControlRevenueToTheTreatmentSize() {
        // 3 treated earned 10 in all; 2 held out earned 5: incremental 10 − 5 · 3/2 = 2.50
        List<Assignment> a = List.of(treated("t1"), treated("t2"), treated("t3"), held("c1"), held("c2"));
        CampaignResults r = CampaignResults.measure(PLAN, a, CONTACT,
                List.of(response("t1", Duration.ofDays(1), true, "10"), response("c2", Duration.ofDays(1), true, "5")), 3L);
        assertEquals(Money.of("2.50", "CNY"), r.incrementalRevenue());
    }

    @Test
    void aFreeChannelHasNoRoi() {
        CampaignPlan free = plan(AudienceRule.everyone(), 0.2).costPerContact(Money.of("0", "CNY")).build();
        CampaignResults r = CampaignResults.measure(free, List.of(treated("t"), held("c")), CONTACT, List.of(), 1L);
        assertFalse(r.roi().isPresent());
        assertEquals(Money.of("0", "CNY"), r.cost());
    }

    @Test
    void anEmptyControlGroupOrAForeignCurrencyIsRefused() {
        assertEquals("control group is empty: without a control group the uplift cannot be measured",
                assertThrows(IllegalArgumentException.class,
                        () -> CampaignResults.measure(PLAN, List.of(treated("t")), CONTACT, List.of(), 1L)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CampaignResults.measure(PLAN, List.of(held("c")), CONTACT, List.of(), 1L));
        assertThrows(IllegalArgumentException.class, () -> CampaignResults.measure(PLAN, List.of(treated("t"), held("c")),
                CONTACT, List.of(CampaignResponse.of(CustomerId.of("t"), CONTACT, true, Money.of("1", "EUR"))), 1L));
        assertThrows(IllegalArgumentException.class, () -> CampaignResults.measure(PLAN, List.of(treated("t"), held("t")),
                CONTACT, List.of(), 1L));
    }

    @Test
    void measuringASelectionUsesItsContactInstant() {
        List<CustomerProfile> profiles = Fixtures.customers(200);
        CampaignSelection s = CampaignSelection.select(PLAN, profiles, Fixtures.nothingSuppressed(profiles), CONTACT, 4L);
        CampaignResults r = CampaignResults.measure(PLAN, s, List.of(), 4L);
        assertEquals(s.count(Group.TREATMENT), r.treatment().customers());
        assertEquals(s.count(Group.CONTROL), r.control().customers());
        assertEquals(0.0, r.responseUplift().estimate());
    }
}
