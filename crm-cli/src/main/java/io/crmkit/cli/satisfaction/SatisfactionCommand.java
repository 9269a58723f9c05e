package io.crmkit.cli.satisfaction;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.Values;
import io.crmkit.scoring.satisfaction.ItemRating;
import io.crmkit.scoring.satisfaction.RaterDimension;
import io.crmkit.scoring.satisfaction.ServiceQuality;
import io.crmkit.scoring.satisfaction.ServiceQualityReport;
import io.crmkit.scoring.satisfaction.SurveyReport;
import io.crmkit.scoring.satisfaction.SurveyResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm satisfaction}: service quality gaps and survey reports (crm-scoring's {@code satisfaction} package). */
@Command(name = "satisfaction", mixinStandardHelpOptions = true,
        description = "Satisfaction as performance minus expectation (SERVQUAL gaps), and the internal survey reports.",
        subcommands = {SatisfactionCommand.GapsCommand.class, SatisfactionCommand.SurveyCommand.class})
public final class SatisfactionCommand {

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String dimensions() {
        return Arrays.stream(RaterDimension.values()).map(SatisfactionCommand::word).collect(Collectors.joining(", "));
    }

    /** {@code crm satisfaction gaps}. */
    @Command(name = "gaps", mixinStandardHelpOptions = true,
            description = {"SERVQUAL gaps (Parasuraman, Zeithaml and Berry 1988): an item's gap is its mean perception minus its "
                    + "mean expectation over the respondents, a RATER dimension's gap the mean of its items' gaps, the overall "
                    + "gap the dimension gaps weighted by --weight (equal weights over the dimensions with items unless set; "
                    + "once one is set, the others weigh 0; they must sum to 1). Negative gaps: the service fell short.",
                "Input: questionnaire CSV item,dimension (dimension: " + "reliability, assurance, tangibles, empathy, "
                        + "responsiveness); ratings CSV [respondent_id,]item,expectation,perception on the scale (with "
                        + "respondent_id, one row per respondent and item; without it, each row is one respondent's answer).",
                "Output: CSV kind,name,dimension,gap: one row per rated item (questionnaire order), per dimension, and "
                        + "the weighted overall gap."})
    public static final class GapsCommand implements Callable<Integer> {

        @Option(names = "--questionnaire", required = true, description = "items CSV: item,dimension")
        Path questionnaire;

        @Option(names = "--ratings", required = true, description = "ratings CSV: [respondent_id,]item,expectation,perception")
        Path ratings;

        @Option(names = "--scale-min", defaultValue = "1", description = "the lowest answer (default: ${DEFAULT-VALUE})")
        double scaleMin;

        @Option(names = "--scale-max", defaultValue = "7", description = "the highest answer (default: ${DEFAULT-VALUE})")
        double scaleMax;

        @Option(names = "--weight", description = "a dimension's weight, e.g. --weight reliability=0.3 (repeat per dimension, "
                + "each dimension once)")
        Map<RaterDimension, Double> weights;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ServiceQuality.Builder builder;
            try {
                builder = ServiceQuality.builder(scaleMin, scaleMax);
                if (weights != null) {
                    weights.forEach(builder::weight);
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            String questionnaireFile;
            try (CsvInput in = CsvInput.open(questionnaire, CsvInput.Schema.of(CsvInput.Others.REFUSE)
                    .required("item", "question").required("dimension"))) {
                questionnaireFile = in.file();
                int item = in.column("item");
                int dimension = in.column("dimension");
                Map<String, Long> lines = new HashMap<>();
                while (in.next()) {
                    String name = in.text(item);
                    if (name.isEmpty()) {
                        throw in.refuse(item, "empty: name the item");
                    }
                    Long first = lines.putIfAbsent(name, in.line());
                    if (first != null) {
                        throw in.refuse(item, "declared again (first on line " + first + "): one row per item");
                    }
                    RaterDimension d;
                    try {
                        d = RaterDimension.valueOf(in.text(dimension).toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw in.refuse(dimension, "not one of " + dimensions());
                    }
                    builder.item(name, d);
                }
                if (lines.isEmpty()) {
                    throw new InputException(in.file() + ":1: has no data rows");
                }
            }
            ServiceQuality quality;
            try {
                quality = builder.build();
            } catch (IllegalArgumentException e) {
                if (weights != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--weight: " + e.getMessage());
                }
                throw new InputException(questionnaireFile + ": " + e.getMessage());
            }
            List<ItemRating> list = new ArrayList<>();
            String ratingsFile;
            try (CsvInput in = CsvInput.open(ratings, CsvInput.Schema.of(CsvInput.Others.REFUSE)
                    .optional("respondent_id", "respondent").required("item", "question").required("expectation")
                    .required("perception"))) {
                ratingsFile = in.file();
                int item = in.column("item");
                int expectation = in.column("expectation");
                int perception = in.column("perception");
                int respondent = in.column("respondent_id");
                Map<List<String>, Long> rated = new HashMap<>();
                while (in.next()) {
                    String name = in.text(item);
                    if (!quality.items().containsKey(name)) {
                        throw in.refuse(item, "not an item of " + questionnaireFile);
                    }
                    if (respondent >= 0) {
                        String who = in.text(respondent);
                        if (who.isEmpty()) {
                            throw in.refuse(respondent, "empty: name the respondent (or leave out the column)");
                        }
                        Long first = rated.putIfAbsent(List.of(who, name), in.line());
                        if (first != null) {
                            throw in.refuse(item, "rated again by respondent " + Values.quote(who) + " (first on line "
                                    + first + "): one rating per respondent and item");
                        }
                    }
                    double e = onScale(in, expectation);
                    double p = onScale(in, perception);
                    list.add(new ItemRating(name, e, p));
                }
            }
            ServiceQualityReport report;
            try {
                report = quality.assess(list);
            } catch (IllegalArgumentException e) {
                throw new InputException(ratingsFile + ": " + e.getMessage());
            }
            CSVPrinter csv = Csv.printer(spec.commandLine().getOut());
            csv.printRecord("kind", "name", "dimension", "gap");
            report.itemGaps().forEach((item, gap) -> print(csv, "item", item, word(quality.items().get(item)), gap));
            report.dimensionGaps().forEach((d, gap) -> print(csv, "dimension", word(d), word(d), gap));
            print(csv, "overall", "weighted", "", report.weightedGap());
            csv.flush();
            return 0;
        }

        private double onScale(CsvInput in, int column) {
            double v = in.number(column);
            if (v < scaleMin || v > scaleMax) {
                throw in.refuse(column, "off the scale [" + Values.format(scaleMin) + ", " + Values.format(scaleMax) + "]");
            }
            return v;
        }

        private static void print(CSVPrinter csv, String kind, String name, String dimension, double gap) {
            try {
                csv.printRecord(kind, name, dimension, Values.format(gap));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** {@code crm satisfaction survey}. */
    @Command(name = "survey", mixinStandardHelpOptions = true,
            description = {"The internal survey reports (calls and visits after a sale): the answers grouped by day, ISO week "
                    + "(2026-W10), month (2026-03), salesperson or question, each group with its count, mean, lowest and "
                    + "highest score.",
                "Input: CSV date,salesperson,question,score.",
                "Output: CSV group,count,mean,min,max, groups in ascending order (chronological for dates)."})
    public static final class SurveyCommand implements Callable<Integer> {

        @Option(names = "--responses", required = true, description = "answers CSV: date,salesperson,question,score")
        Path responses;

        @Option(names = "--by", defaultValue = "week", description = "day, week, month, salesperson or question (default: ${DEFAULT-VALUE})")
        SurveyReport.Grouping by;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<SurveyResponse> list = new ArrayList<>();
            try (CsvInput in = CsvInput.open(responses, CsvInput.Schema.of(CsvInput.Others.REFUSE).required("date")
                    .required("salesperson", "staff_id").required("question", "item").required("score"))) {
                int date = in.column("date");
                int salesperson = in.column("salesperson");
                int question = in.column("question");
                int score = in.column("score");
                while (in.next()) {
                    LocalDate day = LocalDate.ofEpochDay(in.epochDay(date));
                    if (in.text(salesperson).isEmpty()) {
                        throw in.refuse(salesperson, "empty: name the salesperson the answer concerns");
                    }
                    if (in.text(question).isEmpty()) {
                        throw in.refuse(question, "empty: name the question");
                    }
                    list.add(new SurveyResponse(day, in.text(salesperson), in.text(question), in.number(score)));
                }
                if (list.isEmpty()) {
                    throw new InputException(in.file() + ":1: has no data rows");
                }
            }
            SortedMap<String, SurveyReport.Summary> groups = SurveyReport.aggregate(list, by);
            CSVPrinter csv = Csv.printer(spec.commandLine().getOut());
            csv.printRecord("group", "count", "mean", "min", "max");
            for (var e : groups.entrySet()) {
                SurveyReport.Summary s = e.getValue();
                csv.printRecord(e.getKey(), s.count(), Values.format(s.mean()), Values.format(s.min()), Values.format(s.max()));
            }
            csv.flush();
            return 0;
        }
    }
}
