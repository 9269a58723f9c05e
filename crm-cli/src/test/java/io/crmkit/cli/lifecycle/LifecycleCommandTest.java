package io.crmkit.cli.lifecycle;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm lifecycle stage|churn} on the bundled lifecycle-purchases.csv as of 2026-06-30 (the
 * tour's day), small logs worked out by hand, the P(alive) policy from a CSV, and the refusals.
 */
class LifecycleCommandTest {

    @TempDir
    Path dir;

    /** The values of one CSV column of standard output, header excluded. */
    private static List<String> column(Result r, int i) {
        return r.out().lines().skip(1).map(l -> l.split(",")[i]).toList();
    }

    @Test
    void stagesOfTheBundledCustomersWithTheProspectFromTheCustomersFile() throws IOException {
        Result r = crm("lifecycle", "stage", "--input", bundled(dir, "lifecycle-purchases.csv").toString(), "--customers",
                bundled(dir, "lifecycle-customers.csv").toString(), "--as-of", "2026-06-30");
        assertEquals(0, r.exit(), r.err());
        assertEquals("customer_id,visits,stage,reason,phase,trend", r.lines().get(0));
        assertEquals(List.of("c-01", "c-02", "c-03", "c-04", "c-05", "c-06", "c-07", "c-08", "c-09", "c-10"), column(r, 0));
        // c-04: 8 visits a week apart, silent 15 days: more than 1.5 x 7 (at risk), within 3 x 7 (not lapsed);
        // c-06 bought again 10 days ago after 436 silent days; c-08 has no purchase (only in the customers file)
        assertEquals(List.of("loyal", "first_time", "repeat", "at_risk", "lapsed", "won_back", "repeat", "prospect", "lapsed",
                "lapsed"), column(r, 2));
        assertEquals("c-04,8,at_risk,\"no purchase for 15 days, more than 1.5 x the median gap of 7 days\",introduction,0",
                r.lines().get(4));
        assertEquals("c-08,0,prospect,no purchases yet,,", r.lines().get(8));
        assertEquals("", r.err());
    }

    @Test
    void aLogWithoutAmountsHasNoPhaseAndTheAsOfDayCounts() throws IOException {
        // visits 2026-01-01 and 2026-01-31 (gap 30), the as-of day 2026-03-01 itself and a purchase after it
        Path log = file(dir, "log.csv", "customer_id,date\na,2026-01-01\na,2026-01-31\nb,2026-03-01T18:30\nb,2026-03-02\n");
        Result r = crm("lifecycle", "stage", "--input", log.toString(), "--as-of", "2026-03-01");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,visits,stage,reason",
                "a,2,repeat,\"2 visits, no purchase for 29 days, within 3.0 x the median gap of 30 days\"",
                "b,1,first_time,\"1 visit, no purchase for 0 days, within the 365-day fallback window (no purchase rhythm yet)\""),
                r.lines());
    }

    @Test
    void churnByAFixedWindowDatesTheLoss() throws IOException {
        Result r = crm("lifecycle", "churn", "--input", bundled(dir, "lifecycle-purchases.csv").toString(), "--as-of", "2026-06-30",
                "--policy", "window", "--window-days", "180");
        assertEquals(0, r.exit(), r.err());
        // c-05's last purchase 2025-09-01 (302 days before): lost when the 180-day window ended, 2026-02-28
        assertEquals("c-05,true,\"no purchase for 302 days, more than the 180-day window\",2026-02-28", r.lines().get(5));
        assertEquals(List.of("false", "false", "false", "false", "true", "false", "true", "true", "true"), column(r, 1));
        assertEquals("fixed window 180 days: 4 of 9 customers lost as of 2026-06-30\n", r.err());
    }

    @Test
    void churnByRhythmSparesTheYearlyBuyer() throws IOException {
        Result r = crm("lifecycle", "churn", "--input", bundled(dir, "lifecycle-purchases.csv").toString(), "--as-of", "2026-06-30");
        assertEquals(0, r.exit(), r.err());
        assertEquals("c-07,false,\"no purchase for 364 days, within 3.0 x the median gap of 365 days\",", r.lines().get(7));
        assertEquals("rhythm 3.0 x median gap: 3 of 9 customers lost as of 2026-06-30\n", r.err());
    }

    @Test
    void churnByProbabilityAliveFromAPredictionFile() throws IOException {
        Path log = file(dir, "log.csv", "customer_id,date\na,2026-01-01\nb,2026-02-01\nc,2026-07-01\n");
        // c buys only after the as-of day: a prospect then, needing no P(alive)
        Path predictions = file(dir, "predict.csv", "customer_id,frequency,p_alive\na,0,0.2\nb,0,0.5\n");
        Result r = crm("lifecycle", "churn", "--input", log.toString(), "--as-of", "2026-06-30", "--policy", "p-alive",
                "--p-alive", predictions.toString(), "--threshold", "0.5");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,churned,reason,churned_at", "a,true,P(alive) 0.200 is below 0.50,",
                "b,false,P(alive) 0.500 is at or above 0.50,", "c,false,no purchases: a prospect cannot churn,"), r.lines());
        assertEquals("predict.csv P(alive) < 0.50: 1 of 3 customers lost as of 2026-06-30\n", r.err());

        Result missing = crm("lifecycle", "churn", "--input", log.toString(), "--as-of", "2026-06-30", "--policy", "p-alive",
                "--p-alive", file(dir, "short.csv", "customer_id,p_alive\na,0.2\n").toString());
        assertEquals(1, missing.exit());
        assertEquals("", missing.out());
        assertEquals("crm lifecycle churn: short.csv: customer_id 'b': no row, but the customer has purchases: every "
                + "customer needs a p_alive\n", missing.err());

        Result range = crm("lifecycle", "churn", "--input", log.toString(), "--as-of", "2026-06-30", "--policy", "p-alive",
                "--p-alive", file(dir, "bad.csv", "customer_id,p_alive\na,0.2\nb,1.5\n").toString());
        assertEquals(1, range.exit());
        assertEquals("crm lifecycle churn: bad.csv:3: p_alive '1.5': a probability must lie in [0, 1]\n", range.err());

        Result twice = crm("lifecycle", "churn", "--input", log.toString(), "--as-of", "2026-06-30", "--policy", "p-alive",
                "--p-alive", file(dir, "twice.csv", "customer_id,p_alive\na,0.2\nb,0.5\n\nc,0.9\na,0.3\n").toString());
        assertEquals(1, twice.exit());
        assertEquals("", twice.out());
        assertEquals("crm lifecycle churn: twice.csv:6: customer_id 'a': listed again (first on line 2): one row per "
                + "customer\n", twice.err());
    }

    @Test
    void badDataAndUsageErrors() throws IOException {
        Path log = file(dir, "log.csv", "customer_id,date\na,2026-01-01\nb,2026-13-01\n");
        Result date = crm("lifecycle", "churn", "--input", log.toString(), "--as-of", "2026-06-30");
        assertEquals(1, date.exit());
        assertEquals("", date.out());
        assertEquals("crm lifecycle churn: log.csv:3: date '2026-13-01': not a day of the calendar\n", date.err());

        Path good = file(dir, "good.csv", "customer_id,date\na,2026-01-01\n");
        Result policy = crm("lifecycle", "churn", "--input", good.toString(), "--as-of", "2026-06-30", "--policy", "bogus");
        assertEquals(2, policy.exit());
        assertEquals("crm lifecycle churn: Invalid value for option '--policy': 'bogus' is not one of window, rhythm, p-alive\n",
                policy.err());
        Result multiple = crm("lifecycle", "churn", "--input", good.toString(), "--as-of", "2026-06-30", "--multiple", "0.5");
        assertEquals(2, multiple.exit());
        assertEquals("crm lifecycle churn: --multiple '0.5': must be at least 1\n",
                multiple.err());
        Result noFile = crm("lifecycle", "churn", "--input", good.toString(), "--as-of", "2026-06-30", "--policy", "p-alive");
        assertEquals(2, noFile.exit());
        assertEquals("crm lifecycle churn: --policy p-alive needs --p-alive FILE\n", noFile.err());
        Result loyal = crm("lifecycle", "stage", "--input", good.toString(), "--as-of", "2026-06-30", "--loyal-visits", "1");
        assertEquals(2, loyal.exit());
        assertEquals("crm lifecycle stage: --loyal-visits '1': must be at least 2\n", loyal.err());
        Result periods = crm("lifecycle", "stage", "--input", bundled(dir, "lifecycle-purchases.csv").toString(),
                "--as-of", "2026-06-30", "--periods", "100000000");
        assertEquals(2, periods.exit());
        assertEquals("crm lifecycle stage: --periods '100000000': must be 3 to 1000\n", periods.err());
        assertEquals(2, crm("lifecycle").exit());
        Result year = crm("lifecycle", "churn", "--input", good.toString(), "--as-of", "0000-01-01");
        assertEquals(2, year.exit());
        assertEquals("crm lifecycle churn: --as-of '0000-01-01': not a date yyyy-MM-dd in years 1-9999\n", year.err());
        Result early = crm("lifecycle", "churn", "--input", file(dir, "y0.csv", "customer_id,date\na,0000-06-01\n").toString(),
                "--as-of", "2026-06-30");
        assertEquals(1, early.exit());
        assertEquals("", early.out());
        assertEquals("crm lifecycle churn: y0.csv:2: date '0000-06-01': a date must lie in the years 1 to 9999\n",
                early.err());
        // a phone-number customer id is masked wherever a message names it, and the line is given
        for (String sub : List.of("stage", "churn")) {
            Result phone = crm("lifecycle", sub, "--input", file(dir, "p0.csv",
                    "customer_id,date,amount\n+86 138 1234 5678,0000-01-01,5\n").toString(), "--as-of", "2020-12-31");
            assertEquals(1, phone.exit());
            assertEquals("crm lifecycle " + sub + ": p0.csv:2: date '0000-01-01': a date must lie in the years 1 to 9999\n",
                    phone.err());
            Result east = crm("lifecycle", sub, "--input", file(dir, "p1.csv",
                    "customer_id,date,amount\n+86 138 1234 5678,0001-01-01,5\n").toString(), "--as-of", "2020-12-31",
                    "--zone", "Asia/Shanghai");
            assertEquals(1, east.exit());
            assertFalse(east.err().contains("138 1234"), east.err());
            assertTrue(east.err().contains("+861****5678"), east.err());
        }
    }
}
