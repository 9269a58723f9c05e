package io.crmkit.cli.value;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm value abc|pareto|deciles|portfolio} on the bundled customer-values.csv (values 5,200, 3,100,
 * 1,800, 950, 640, 420, 300, 210, 120, 60: total 12,800) with classes, actions and deciles worked
 * out by hand from the rules in ParetoClassifier's documentation, and the one-line refusals.
 */
class ValueCommandTest {

    @TempDir
    Path dir;

    @Test
    void abcOnTheBundledValues() throws IOException {
        // share before each customer: 0, 5200/12800 = .406, .648, .789 (< .80: A), .863, .913, .946 (< .95: B), .970 (C)
        Result r = crm("value", "abc", "--input", bundled(dir, "customer-values.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,value,class", "v-01,5200,a", "v-02,3100,a", "v-03,1800,a", "v-04,950,a",
                "v-05,640,b", "v-06,420,b", "v-07,300,b", "v-08,210,c", "v-09,120,c", "v-10,60,c"), r.lines());
        // A 11,050 / 12,800 = 86.3 %, B 1,360 = 10.6 %, C 390 = 3.0 %
        assertEquals("A: 4 customers, 86.3% of value; B: 3 customers, 10.6% of value; C: 3 customers, 3.0% of value\n",
                r.err());
    }

    @Test
    void theCustomerWhoCrossesTheLineBelongsToTheClassBeingFilled() throws IOException {
        // the documented example: 50, 30, 20 -> 30 crosses 80 % and is A; 20 is B; ties share a class; 0 is C
        Path values = file(dir, "v.csv", "customer_id,value\nx,20\ny,50\nz,30\nw,0\n");
        Result r = crm("value", "abc", "--input", values.toString());
        assertEquals(List.of("customer_id,value,class", "y,50,a", "z,30,a", "x,20,b", "w,0,c"), r.lines());
        Result shares = crm("value", "abc", "--input", values.toString(), "--a-share", "0.5", "--b-share", "0.5");
        assertEquals(List.of("customer_id,value,class", "y,50,a", "z,30,b", "x,20,b", "w,0,c"), shares.lines());
    }

    @Test
    void sharesOfValuesNearTheTopOfTheDoubleRangeStayFinite() throws IOException {
        // 1e308 + 1e308 is beyond the double range; the shares are still 100 %, 0 % and 0 %
        Result r = crm("value", "abc", "--input", file(dir, "big.csv", "customer_id,value\na,1e308\nb,1e308\nc,1\n").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,value,class", "a,1.0E308,a", "b,1.0E308,a", "c,1,c"), r.lines());
        assertEquals("A: 2 customers, 100.0% of value; B: 0 customers, 0.0% of value; C: 1 customer, 0.0% of value\n",
                r.err());
    }

    @Test
    void paretoKeepsTheTopFifthAndLetsTheBottomFifthGo() throws IOException {
        Result r = crm("value", "pareto", "--input", bundled(dir, "customer-values.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,value,action", "v-01,5200,keep", "v-02,3100,keep", "v-03,1800,maintain",
                "v-04,950,maintain", "v-05,640,maintain", "v-06,420,maintain", "v-07,300,maintain", "v-08,210,maintain",
                "v-09,120,let_go", "v-10,60,let_go"), r.lines());
        // (5,200 + 3,100) / 12,800 = 64.84 %
        assertEquals("top 20.0% of customers (2 of 10) bring 64.8% of value\n", r.err());
    }

    @Test
    void paretoRanksNegativeProfitsButReportsNoShareOfThem() throws IOException {
        Path profits = file(dir, "p.csv", "customer_id,profit\na,100\nb,-40\nc,10\nd,0\ne,5\n");
        Result r = crm("value", "pareto", "--input", profits.toString(), "--keep", "0.4", "--let-go", "0.2");
        assertEquals(0, r.exit(), r.err());
        // 5 customers: keep positions 0-1 (< 2), let go position 4 (>= 4)
        assertEquals(List.of("customer_id,value,action", "a,100,keep", "c,10,keep", "e,5,maintain", "d,0,maintain",
                "b,-40,let_go"), r.lines());
        assertEquals("top share not reported: some values are negative (a share of value needs values of 0 or more)\n",
                r.err());
    }

    @Test
    void decilesNameEachCustomersMove() throws IOException {
        // previous values rank 4100, 3300, 1200, 900, 700, 600, 380, 150, 90, 0: v-03 moves from 6 to 3, v-07 from 4 to 7
        Result r = crm("value", "deciles", "--input", bundled(dir, "customer-values.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,value,decile,previous_decile,trend", "v-01,5200,1,1,superstar",
                "v-02,3100,2,2,steady", "v-03,1800,3,6,rising_star", "v-04,950,4,3,fading_star", "v-05,640,5,5,steady",
                "v-06,420,6,7,rising_star", "v-07,300,7,4,fading_star", "v-08,210,8,8,steady", "v-09,120,9,9,steady",
                "v-10,60,10,10,steady"), r.lines());
        assertEquals("", r.err());
    }

    @Test
    void decilesWithoutAPreviousPeriodAndTiesSharingTheBetterDecile() throws IOException {
        // 4 customers: decile = 1 + floor(10 * above / 4): above 0 -> 1, 0 -> 1, 2 -> 6, 3 -> 8
        Path values = file(dir, "v.csv", "customer_id,value\na,5\nb,5\nc,3\nd,1\n");
        Result r = crm("value", "deciles", "--input", values.toString());
        assertEquals(List.of("customer_id,value,decile", "a,5,1", "b,5,1", "c,3,6", "d,1,8"), r.lines());
    }

    @Test
    void thePortfolioMatrixPlacesEachCustomerByShareOfTheMeanAndGrowth() throws IOException {
        // mean value 12,800 / 10 = 1,280: v-01..v-03 have a high share; growth 5200/4100 - 1 = 0.27 (star),
        // 3100/3300 - 1 = -0.06 (cash cow), 1800/600 - 1 = 2 (star), 420/380 - 1 = 0.105 (question mark),
        // v-10 had nothing before and 60 now (high growth: question mark), 950/1200 - 1 = -0.21 (dog)
        Result r = crm("value", "portfolio", "--input", bundled(dir, "customer-values.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,value,previous_value,quadrant", "v-01,5200,4100,star", "v-02,3100,3300,cash_cow",
                "v-03,1800,600,star", "v-04,950,1200,dog", "v-05,640,700,dog", "v-06,420,380,question_mark",
                "v-07,300,900,dog", "v-08,210,150,question_mark", "v-09,120,90,question_mark", "v-10,60,0,question_mark"),
                r.lines());
        assertEquals("star 2, cash_cow 1, question_mark 4, dog 3\n", r.err());
        // a growth split of 0.5: v-01 (0.27) becomes a cash cow, v-06 (0.105) a dog
        Result split = crm("value", "portfolio", "--input", bundled(dir, "customer-values.csv").toString(), "--growth-split", "0.5");
        assertEquals("v-01,5200,4100,cash_cow", split.lines().get(1));
        assertEquals("v-06,420,380,dog", split.lines().get(6));

        Result without = crm("value", "portfolio", "--input", file(dir, "v.csv", "customer_id,value\na,1\n").toString());
        assertEquals(1, without.exit());
        assertEquals("", without.out());
        assertEquals("crm value portfolio: v.csv:1: header lacks column 'previous_value': the matrix needs each customer's "
                + "value in an earlier period\n", without.err());
        Result negative = crm("value", "portfolio", "--input",
                file(dir, "n.csv", "customer_id,value,previous_value\na,1,2\nb,1,-2\n").toString());
        assertEquals(1, negative.exit());
        assertEquals("crm value portfolio: n.csv:3: previous_value '-2': negative: a value here must be 0 or more\n",
                negative.err());
    }

    @Test
    void badDataIsOneLineWithFileLineFieldValueAndRuleAndNoOutput() throws IOException {
        Result negative = crm("value", "abc", "--input", file(dir, "n.csv", "customer_id,value\na,1\nb,-2\n").toString());
        assertEquals(1, negative.exit());
        assertEquals("", negative.out());
        assertEquals("crm value abc: n.csv:3: value '-2': negative: a value here must be 0 or more\n", negative.err());

        Result twice = crm("value", "deciles", "--input", file(dir, "d.csv", "customer_id,value\na,1\n\na,2\n").toString());
        assertEquals(1, twice.exit());
        assertEquals("crm value deciles: d.csv:4: customer_id 'a': listed again (first on line 2): one row per customer\n",
                twice.err());

        Result typo = crm("value", "pareto", "--input", file(dir, "t.csv", "customer_id,valeu\na,1\n").toString());
        assertEquals(1, typo.exit());
        assertEquals("crm value pareto: t.csv:1: column 'valeu': unknown; did you mean 'value'?\n", typo.err());

        Result number = crm("value", "abc", "--input", file(dir, "x.csv", "customer_id,value\na,5d\n").toString());
        assertEquals(1, number.exit());
        assertEquals("crm value abc: x.csv:2: value '5d': not a decimal number (digits with an optional point and exponent, "
                + "e.g. 12.5 or 1.25e3)\n", number.err());

        Result empty = crm("value", "abc", "--input", file(dir, "e.csv", "customer_id,value\n").toString());
        assertEquals(1, empty.exit());
        assertEquals("crm value abc: e.csv:1: has no data rows\n", empty.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path values = bundled(dir, "customer-values.csv");
        Result shares = crm("value", "abc", "--input", values.toString(), "--a-share", "0.9", "--b-share", "0.2");
        assertEquals(2, shares.exit());
        assertEquals("", shares.out());
        assertEquals("crm value abc: --a-share/--b-share: B share 0.2 is out of range: it must be above 0 and at most "
                + "1 - A share 0.9\n", shares.err());
        Result top = crm("value", "pareto", "--input", values.toString(), "--top", "0");
        assertEquals(2, top.exit());
        assertEquals("crm value pareto: --top 0.0: must be in (0, 1]\n", top.err());
        Result none = crm("value");
        assertEquals(2, none.exit());
        assertEquals("", none.out());
        Result missing = crm("value", "deciles");
        assertEquals(2, missing.exit());
        assertEquals("crm value deciles: Missing required option: '--input=<input>'\n", missing.err());
    }
}
