package io.crmkit.cli.satisfaction;

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
 * {@code crm satisfaction gaps|survey} on the bundled servqual-*.csv and survey-responses.csv, the
 * gaps and summaries computed by hand, and the one-line refusals.
 */
class SatisfactionCommandTest {

    @TempDir
    Path dir;

    private Result gaps(String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("satisfaction", "gaps", "--questionnaire",
                bundled(dir, "servqual-items.csv").toString(), "--ratings", bundled(dir, "servqual-ratings.csv").toString()));
        args.addAll(List.of(more));
        return crm(args.toArray(String[]::new));
    }

    @Test
    void gapsPerItemDimensionAndOverallWithEqualWeights() throws IOException {
        Result r = gaps();
        assertEquals(0, r.exit(), r.err());
        // two respondents: on-time (5-7 + 5-6)/2 = -1.5, promise (5-6 + 6-7)/2 = -1, quick (0 + -2)/2 = -1,
        // knowledgeable (1 + 1)/2 = 1, clean (1 + 0)/2 = 0.5, attention (-2 + -2)/2 = -2;
        // reliability (-1.5 - 1)/2 = -1.25; overall (-1.25 + 1 + 0.5 - 2 - 1)/5 = -0.55
        assertEquals(List.of("kind,name,dimension,gap", "item,on-time-delivery,reliability,-1.5",
                "item,promise-kept,reliability,-1", "item,quick-answer,responsiveness,-1",
                "item,knowledgeable-staff,assurance,1", "item,clean-showroom,tangibles,0.5",
                "item,personal-attention,empathy,-2", "dimension,reliability,reliability,-1.25",
                "dimension,assurance,assurance,1", "dimension,tangibles,tangibles,0.5", "dimension,empathy,empathy,-2",
                "dimension,responsiveness,responsiveness,-1", "overall,weighted,,-0.55"), r.lines());
        assertEquals("", r.err());
    }

    @Test
    void weightsFromTheCommandLine() throws IOException {
        // 0.4 x -1.25 + 0.2 x -1 + 0.2 x 1 + 0.1 x -2 + 0.1 x 0.5 = -0.65
        Result r = gaps("--weight", "reliability=0.4", "--weight", "responsiveness=0.2", "--weight", "assurance=0.2",
                "--weight", "empathy=0.1", "--weight", "tangibles=0.1");
        assertEquals(0, r.exit(), r.err());
        assertEquals("overall,weighted,,-0.65", r.lines().get(r.lines().size() - 1));
        Result half = gaps("--weight", "reliability=0.5");
        assertEquals(2, half.exit());
        assertEquals("", half.out());
        assertEquals("crm satisfaction gaps: --weight: dimension weights sum to 0.5: they must sum to 1\n", half.err());
    }

    @Test
    void aDimensionWeightedTwiceIsAUsageErrorNotTheLastValue() throws IOException {
        // keeping the last, reliability=1 would weigh reliability alone and print overall -1.25 with exit 0
        Result r = gaps("--weight", "reliability=0.5", "--weight", "reliability=1");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("crm satisfaction gaps: --weight 'reliability=1': reliability is given twice (first "
                + "'reliability=0.5'): give each key once\n", r.err());
        Result cased = gaps("--weight", "reliability=0.5", "--weight", "assurance=0.5", "--weight", "RELIABILITY=0.5");
        assertEquals(2, cased.exit());
        assertEquals("crm satisfaction gaps: --weight 'RELIABILITY=0.5': RELIABILITY is given twice (first "
                + "'reliability=0.5'): give each key once\n", cased.err());
    }

    @Test
    void aRespondentRatingTheSameItemTwiceIsRefusedWithBothLines() throws IOException {
        Path items = bundled(dir, "servqual-items.csv");
        // counted twice, r-1's second answer would pull on-time-delivery's gap to (-2 - 1 - 6)/3 = -3
        Result r = crm("satisfaction", "gaps", "--questionnaire", items.toString(), "--ratings",
                file(dir, "twice.csv", "respondent_id,item,expectation,perception\nr-1,on-time-delivery,7,5\n"
                        + "r-2,on-time-delivery,6,5\nr-1,on-time-delivery,7,1\n").toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("crm satisfaction gaps: twice.csv:4: item 'on-time-delivery': rated again by respondent 'r-1' "
                + "(first on line 2): one rating per respondent and item\n", r.err());
        Result blank = crm("satisfaction", "gaps", "--questionnaire", items.toString(), "--ratings",
                file(dir, "blank.csv", "respondent_id,item,expectation,perception\n,on-time-delivery,7,5\n").toString());
        assertEquals(1, blank.exit());
        assertEquals("crm satisfaction gaps: blank.csv:2: respondent_id '': empty: name the respondent (or leave out "
                + "the column)\n", blank.err());
    }

    @Test
    void badRatingsAndQuestionnairesAreRefusedWithTheirLine() throws IOException {
        Path items = bundled(dir, "servqual-items.csv");
        Result scale = crm("satisfaction", "gaps", "--questionnaire", items.toString(), "--ratings",
                file(dir, "r.csv", "respondent_id,item,expectation,perception\nr-1,quick-answer,6,6\nr-1,on-time-delivery,8,5\n")
                        .toString());
        assertEquals(1, scale.exit());
        assertEquals("", scale.out());
        assertEquals("crm satisfaction gaps: r.csv:3: expectation '8': off the scale [1, 7]\n", scale.err());

        Result unknown = crm("satisfaction", "gaps", "--questionnaire", items.toString(), "--ratings",
                file(dir, "u.csv", "item,expectation,perception\nparking,5,5\n").toString());
        assertEquals(1, unknown.exit());
        assertEquals("crm satisfaction gaps: u.csv:2: item 'parking': not an item of servqual-items.csv\n", unknown.err());

        Result dimension = crm("satisfaction", "gaps", "--questionnaire",
                file(dir, "q.csv", "item,dimension\na,reliability\nb,reliabilty\n").toString(), "--ratings",
                file(dir, "v.csv", "item,expectation,perception\na,5,5\n").toString());
        assertEquals(1, dimension.exit());
        assertEquals("crm satisfaction gaps: q.csv:3: dimension 'reliabilty': not one of reliability, assurance, tangibles, "
                + "empathy, responsiveness\n", dimension.err());

        Result unrated = crm("satisfaction", "gaps", "--questionnaire",
                file(dir, "q2.csv", "item,dimension\na,reliability\nb,empathy\n").toString(), "--ratings",
                file(dir, "w.csv", "item,expectation,perception\na,5,5\n").toString());
        assertEquals(1, unrated.exit());
        assertEquals("crm satisfaction gaps: w.csv: dimension EMPATHY has weight 0.5 but no rated item\n", unrated.err());
    }

    @Test
    void surveyByWeekAndBySalesperson() throws IOException {
        Path responses = bundled(dir, "survey-responses.csv");
        Result week = crm("satisfaction", "survey", "--responses", responses.toString());
        assertEquals(0, week.exit(), week.err());
        // 2026-03-02..04 are in ISO week 10 (4, 5, 3, 4), 03-09..11 in week 11 (5, 2, 4: mean 11/3), 04-01 in week 14
        assertEquals(List.of("group,count,mean,min,max", "2026-W10,4,4,3,5", "2026-W11,3,3.6666666666666665,2,5",
                "2026-W14,1,5,5,5"), week.lines());
        Result people = crm("satisfaction", "survey", "--responses", responses.toString(), "--by", "salesperson");
        assertEquals(List.of("group,count,mean,min,max", "li.na,4,4,2,5", "wang.wei,4,4,3,5"), people.lines());
        Result month = crm("satisfaction", "survey", "--responses", responses.toString(), "--by", "month");
        assertEquals(List.of("group,count,mean,min,max", "2026-03,7,3.857142857142857,2,5", "2026-04,1,5,5,5"),
                month.lines());
    }

    @Test
    void surveyRefusals() throws IOException {
        Result date = crm("satisfaction", "survey", "--responses",
                file(dir, "s.csv", "date,salesperson,question,score\n2026-03-02,w,overall,4\n2026-02-30,w,overall,4\n").toString());
        assertEquals(1, date.exit());
        assertEquals("", date.out());
        assertEquals("crm satisfaction survey: s.csv:3: date '2026-02-30': not a day of the calendar\n", date.err());
        Result by = crm("satisfaction", "survey", "--responses", "s.csv", "--by", "fortnight");
        assertEquals(2, by.exit());
        assertEquals("crm satisfaction survey: Invalid value for option '--by': expected one of [DAY, WEEK, MONTH, "
                + "SALESPERSON, QUESTION] (case-insensitive) but was 'fortnight'\n", by.err());
        Result none = crm("satisfaction");
        assertEquals(2, none.exit());
    }
}
