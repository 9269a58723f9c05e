package io.crmkit.cli;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import io.crmkit.cli.format.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad input of each kind through every command that reads a CSV file: the README's dialect
 * (a byte-order mark, CRLF line ends, blank lines and a missing final line end change nothing;
 * UTF-16, an empty file, a header without rows, a trailing delimiter, a column given twice or
 * unknown, a control character in an id, {@code 0x1p3}, {@code 5d}, {@code 1e309} and
 * {@code 2020-01-02Tgarbage} are refused with one line naming the file and line, exit 1, nothing on
 * standard output), the same in every command.
 */
class DialectSweepTest {

    @TempDir
    static Path dir;

    /**
     * A command reading one CSV file.
     *
     * @param name the command, as messages name it
     * @param args the arguments, {@code $F} for the file and {@code @name} for a bundled sample
     * @param base a valid file: the header and at least two rows
     * @param id the column of a customer id, or -1
     * @param number the column of a number, or -1
     * @param date the column of a date, or -1
     * @param carries whether unknown columns are carried through or read as metrics (the documented
     *     exceptions: clv fit and predict, tier, campaign customers)
     */
    record Reader(String name, String args, String base, int id, int number, int date, boolean carries) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String sample(String name, int lines) {
        try (InputStream in = DialectSweepTest.class.getResourceAsStream("/io/crmkit/data/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().limit(lines).collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Reader> readers() {
        String tx = "customer_id,date,amount\nc1,2020-01-01,5\nc2,2020-02-01,7\nc1,2020-03-01,2\n";
        String cdnowTx = sample("cdnow-transactions.csv", 400);
        String summary = sample("cdnow_customers_summary_with_transactions.csv", 300);
        return List.of(
                new Reader("rfm", "rfm --input $F --as-of 2020-12-31", tx, 0, 2, 1, false),
                new Reader("tier", "tier --policy @wealth-tiers.json --input $F", sample("customer-metrics.csv", 99), 0, 1,
                        -1, true),
                new Reader("clv summarize", "clv summarize --input $F --as-of 2020-12-31", tx, 0, 2, 1, false),
                new Reader("clv fit", "clv fit --model bgnbd --input $F", summary, -1, 1, -1, true),
                new Reader("clv predict", "clv predict --model bgnbd --horizon 1 --input $F", summary, -1, 1, -1, true),
                new Reader("clv value", "clv value --input $F --as-of 1997-06-30", cdnowTx, 0, 2, 1, false),
                new Reader("clv evaluate", "clv evaluate --input $F --calibration-end 1997-03-31 --holdout-end 1997-06-30",
                        cdnowTx, 0, 2, 1, false),
                new Reader("value abc", "value abc --input $F", sample("customer-values.csv", 99), 0, 1, -1, false),
                new Reader("lifecycle stage", "lifecycle stage --input $F --as-of 2026-06-30",
                        sample("lifecycle-purchases.csv", 99), 0, 2, 1, false),
                new Reader("care schedule", "care schedule --events $F", sample("care-events.csv", 99), 0, -1, 2, false),
                new Reader("care quota", "care quota --interactions $F --day 2026-03-04",
                        sample("care-interactions.csv", 99), 0, -1, 3, false),
                new Reader("satisfaction gaps", "satisfaction gaps --questionnaire @servqual-items.csv --ratings $F",
                        sample("servqual-ratings.csv", 99), -1, 2, -1, false),
                new Reader("satisfaction survey", "satisfaction survey --responses $F", sample("survey-responses.csv", 99),
                        -1, 3, 0, false),
                new Reader("campaign select", "campaign select --plan @campaign.json --as-of 2026-12-01 --seed 7 "
                        + "--customers $F", sample("campaign-customers.csv", 200), 0, 3, 6, true),
                new Reader("loyalty statement", "loyalty statement --program @loyalty-program.json --as-of 2026-12-31 "
                        + "--events $F", sample("loyalty-events.csv", 99), 1, 4, 2, false));
    }

    /** A change of the base file, and what it must give. */
    private record Mutation(String name, UnaryOperator<String> text, boolean utf16) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String eachLine(String text, UnaryOperator<String> line) {
        return text.lines().map(line).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The text with cell {@code column} of the first data row replaced. */
    private static String cell(String text, int column, String value) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> cells = new ArrayList<>(Arrays.asList(lines.get(1).split(",", -1)));
        cells.set(column, value);
        lines.set(1, String.join(",", cells));
        return String.join("\n", lines) + "\n";
    }

    private static Path write(String name, String text, boolean utf16) {
        try {
            Path d = Files.createTempDirectory(dir, "s");
            return Files.write(d.resolve(name), text.getBytes(utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result run(Reader reader, Path file) {
        String[] args = reader.args().split(" ");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("$F")) {
                args[i] = file.toString();
            } else if (args[i].startsWith("@")) {
                args[i] = CliRun.bundled(dir, args[i].substring(1)).toString();
            }
        }
        return crm(args);
    }

    static Stream<Arguments> harmless() {
        List<Mutation> mutations = List.of(
                new Mutation("a byte-order mark", t -> "\ufeff" + t, false),
                new Mutation("CRLF line ends", t -> t.replace("\n", "\r\n"), false),
                new Mutation("no final line end", t -> t.substring(0, t.length() - 1), false),
                new Mutation("blank lines", t -> t.replaceFirst("\n", "\n\n  \n").replace("\n", "\n\n") + "\n\n", false),
                new Mutation("spaces around cells", t -> eachLine(t, l -> l.replace(",", " , ")), false));
        return readers().stream().flatMap(r -> mutations.stream().map(m -> Arguments.of(r, m)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("harmless")
    void aHarmlessVariantGivesTheSameOutput(Reader reader, Mutation mutation) {
        Result base = run(reader, write("in.csv", reader.base(), false));
        assertEquals(0, base.exit(), base.err());
        Result variant = run(reader, write("in.csv", mutation.text().apply(reader.base()), mutation.utf16()));
        assertEquals(0, variant.exit(), variant.err());
        assertEquals(base.out(), variant.out());
        // notes on standard error name the file's own lines, which blank lines move
        assertEquals(base.err().replaceAll(":\\d+:", ":N:"), variant.err().replaceAll(":\\d+:", ":N:"));
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (Reader r : readers()) {
            String header = r.base().lines().findFirst().orElseThrow();
            String first = header.split(",")[0];
            String crm = "crm " + r.name() + ": in.csv:";
            cases.add(Arguments.of(r, "UTF-16", r.base(), true,
                    crm + "1: the file is UTF-16 (or UTF-32): crm reads UTF-8, with or without a byte-order mark"));
            cases.add(Arguments.of(r, "an empty file", "", false, crm + "1: the file is empty: a header line is expected"));
            cases.add(Arguments.of(r, "a header only", header + "\n", false, crm + "1: has no data rows"));
            cases.add(Arguments.of(r, "a trailing delimiter", eachLine(r.base(), l -> l + ","), false,
                    crm + "1: column " + (header.split(",").length + 1) + " has no name"));
            cases.add(Arguments.of(r, "a column twice", eachLine(r.base(), l -> l + "," + l.split(",")[0]), false,
                    crm + "1: column '" + first + "' appears twice (columns 1 and " + (header.split(",").length + 1)
                            + ")"));
            if (!r.carries()) {
                cases.add(Arguments.of(r, "an unknown column", r.base().replaceFirst("\n", ",zzz\n")
                        .replaceAll("\n(?=.)", ",1\n").replaceFirst(",1\n", "\n"), false, crm + "1: column 'zzz': unknown;"));
            }
            if (r.id() >= 0) {
                String column = header.split(",")[r.id()];
                for (String bad : new String[] {"c\u0001x", "c\u0000x"}) {
                    cases.add(Arguments.of(r, "a control character in an id", cell(r.base(), r.id(), bad), false,
                            crm + "2: " + column + " " + Values.quote(bad)
                                    + ": a customer id must not contain control characters"));
                }
            }
            if (r.number() >= 0) {
                String column = header.split(",")[r.number()];
                for (String[] bad : new String[][] {{"0x1p3", Values.NUMBER_RULE}, {"5d", Values.NUMBER_RULE},
                        {"1e309", "out of range: beyond ±1.7976931348623157e308, the largest double"}}) {
                    cases.add(Arguments.of(r, "number " + bad[0], cell(r.base(), r.number(), bad[0]), false,
                            crm + "2: " + column + " '" + bad[0] + "': " + bad[1]));
                }
            }
            if (r.date() >= 0) {
                String column = header.split(",")[r.date()];
                cases.add(Arguments.of(r, "date 2020-01-02Tgarbage", cell(r.base(), r.date(), "2020-01-02Tgarbage"),
                        false, crm + "2: " + column + " '2020-01-02Tgarbage': not a date yyyy-MM-dd"));
            }
            cases.add(Arguments.of(r, "a quote inside a cell", cell(r.base(), 0, "a\"b"), false,
                    crm + "2: " + first + " 'a\"b': a quote inside a cell that does not start with one (RFC 4180)"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void aBadInputIsRefusedTheSameWayByEveryCommand(Reader reader, String kind, String text, boolean utf16,
            String line) {
        Result r = run(reader, write("in.csv", text, utf16));
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out(), "nothing on standard output");
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(line), "expected a line starting with\n" + line + "\nbut was\n" + r.err());
    }

    /** The JSON inputs (and the complaint script, JSON lines): the same encodings and the same empty file. */
    static Stream<Arguments> jsonReaders() {
        return Stream.of(
                Arguments.of("tier", "tier --input @customer-metrics.csv --policy $F", "wealth-tiers.json"),
                Arguments.of("loyalty statement", "loyalty statement --events @loyalty-events.csv --as-of 2026-12-31 "
                        + "--program $F", "loyalty-program.json"),
                Arguments.of("campaign select", "campaign select --customers @campaign-customers.csv --as-of 2026-12-01 "
                        + "--seed 7 --plan $F", "campaign.json"),
                Arguments.of("account review", "account review --as-of 2026-11-30 --plan $F", "key-account-plan.json"),
                Arguments.of("complaint replay", "complaint replay --input $F", "complaint-script.jsonl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonReaders")
    void jsonInputsShareTheEncodingsAndTheEmptyFile(String command, String args, String sample) {
        Reader reader = new Reader(command, args, sample(sample, 10_000), -1, -1, -1, false);
        String name = sample.endsWith(".jsonl") ? "in.jsonl" : "in.json";
        Result base = run(reader, write(name, reader.base(), false));
        assertEquals(0, base.exit(), base.err());
        Result bom = run(reader, write(name, "\ufeff" + reader.base(), false));
        assertEquals(0, bom.exit(), bom.err());
        assertEquals(base.out(), bom.out());
        String crm = "crm " + command + ": " + name + ":1: ";
        Result utf16 = run(reader, write(name, reader.base(), true));
        assertEquals(1, utf16.exit());
        assertEquals("", utf16.out());
        assertEquals(crm + "the file is UTF-16 (or UTF-32): crm reads UTF-8, with or without a byte-order mark",
                utf16.err().strip());
        Result empty = run(reader, write(name, "", false));
        assertEquals(1, empty.exit());
        assertEquals("", empty.out());
        assertEquals(crm + (name.endsWith(".jsonl") ? "the script has no commands" : "not valid JSON: the file is empty"),
                empty.err().strip());
    }
}
