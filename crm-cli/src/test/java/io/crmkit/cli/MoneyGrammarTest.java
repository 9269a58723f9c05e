package io.crmkit.cli;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.CliRun.Result;
import io.crmkit.cli.format.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command that reads an amount of money — a CSV cell or a JSON value — reads it by the one
 * money grammar ({@link Values#money}): the same text is accepted or refused the same way, with the
 * same rule. Before, {@code crm rfm} took {@code 5.001} CNY and printed it while {@code crm loyalty}
 * refused it, and a campaign plan took {@code 1e309} as a JSON number.
 */
class MoneyGrammarTest {

    @TempDir
    static Path dir;

    /** A command reading one amount: the arguments for an amount, and the start of its refusal line. */
    private record Reader(String name, BiFunction<Path, String, String[]> args, String refusal) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String data(String name) {
        return bundled(dir, name).toString();
    }

    private static List<Reader> readers() {
        List<Reader> readers = new ArrayList<>();
        readers.add(new Reader("rfm", (d, a) -> new String[] {"rfm", "--currency", "CNY", "--as-of", "2020-12-31",
            "--input", file(d, "tx.csv", "customer_id,date,amount\nC1,2020-01-01," + a + "\n").toString()},
                "crm rfm: tx.csv:2: amount "));
        readers.add(new Reader("loyalty statement", (d, a) -> new String[] {"loyalty", "statement", "--program",
            data("loyalty-program.json"), "--as-of", "2025-12-31", "--events", file(d, "ev.csv",
                    "event_id,customer_id,at,type,amount,points,category,ref\ne1,c1,2025-03-02T10:15,purchase," + a
                            + ",,,\n").toString()}, "crm loyalty statement: ev.csv:2: amount "));
        readers.add(new Reader("campaign report", (d, a) -> new String[] {"campaign", "report", "--plan",
            data("campaign.json"), "--audience", file(d, "aud.csv", "customer_id,group,reason\nc-1,treatment,x\nc-2,control,x\n")
                    .toString(), "--responses", file(d, "resp.csv", "customer_id,at,responded,revenue\n"
                            + "c-1,2026-12-01T00:50:00Z,true," + a + "\n").toString()},
                "crm campaign report: resp.csv:2: revenue "));
        readers.add(new Reader("training report", (d, a) -> new String[] {"training", "report", "--courses",
            data("training-courses.csv"), "--enrolments", data("training-enrolments.csv"), "--attendance",
            data("training-attendance.csv"), "--evaluations", data("training-evaluations.csv"), "--as-of",
            "2026-11-29", "--outcomes", file(d, "out.csv", "customer_id,kind,date,amount,currency\n"
                    + "d01,purchase,2026-01-01," + a + ",CNY\n").toString()},
                "crm training report: out.csv:2: amount "));
        readers.add(new Reader("campaign plan, a string", (d, a) -> new String[] {"campaign", "select", "--customers",
            data("campaign-customers.csv"), "--as-of", "2026-12-01", "--seed", "7", "--plan",
            file(d, "plan.json", plan().replace("\"2000.00\"", "\"" + a + "\"")).toString()},
                "crm campaign select: plan.json: budget: "));
        return readers;
    }

    private static String plan() {
        try {
            return Files.readString(Path.of(data("campaign.json")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> refusals() {
        String[][] amounts = {
            {"5.001", "more decimals than CNY has (2)"},
            {"1e-3", "more decimals than CNY has (2)"},
            {"5d", Values.NUMBER_RULE},
            {"0x1p3", Values.NUMBER_RULE},
            {"38.86f", Values.NUMBER_RULE},
            {"NaN", Values.NUMBER_RULE},
            {"1e309", "out of range: beyond ±1.7976931348623157e308, the largest double"},
            {"1e-400", "out of range: so close to 0 that it would read as 0"},
        };
        List<Arguments> cases = new ArrayList<>();
        for (Reader reader : readers()) {
            for (String[] a : amounts) {
                cases.add(Arguments.of(reader, a[0], a[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void everyReaderOfMoneyRefusesTheSameTextWithTheSameRule(Reader reader, String amount, String rule)
            throws IOException {
        Path d = Files.createTempDirectory(dir, "m");
        Result r = crm(reader.args().apply(d, amount));
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(reader.refusal() + "'" + amount + "': " + rule, r.err().strip());
    }

    static Stream<Arguments> acceptances() {
        List<Arguments> cases = new ArrayList<>();
        for (Reader reader : readers()) {
            for (String a : new String[] {"5.000", "1.5e2", "+12.5", "0.10"}) {
                cases.add(Arguments.of(reader, a));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("acceptances")
    void everyReaderOfMoneyAcceptsTheSameText(Reader reader, String amount) throws IOException {
        Path d = Files.createTempDirectory(dir, "m");
        Result r = crm(reader.args().apply(d, amount));
        assertEquals(0, r.exit(), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonNumbers")
    void aJsonNumberIsReadByTheSameGrammarAsAString(String number, String shown, String rule) throws IOException {
        Path d = Files.createTempDirectory(dir, "j");
        Path plan = file(d, "plan.json", plan().replace("\"299.00\"", number));
        Result r = crm("campaign", "select", "--customers", data("campaign-customers.csv"), "--as-of", "2026-12-01",
                "--seed", "7", "--plan", plan.toString());
        assertEquals(1, r.exit(), r.err());
        // a JSON number is shown as the exact decimal it reads as
        assertEquals("crm campaign select: plan.json: marketInformation[0].price: '" + shown + "': " + rule,
                r.err().strip());
    }

    static Stream<Arguments> jsonNumbers() {
        return Stream.of(Arguments.of("5.001", "5.001", "more decimals than CNY has (2)"),
                Arguments.of("1e309", "1E+309", "out of range: beyond ±1.7976931348623157e308, the largest double"),
                Arguments.of("1e-400", "1E-400", "out of range: so close to 0 that it would read as 0"));
    }

    @org.junit.jupiter.api.Test
    void theGrammarKeepsTheAmountAsWrittenAndCountsDecimalsWithoutTrailingZeros() {
        java.util.Currency cny = java.util.Currency.getInstance("CNY");
        java.util.Currency jpy = java.util.Currency.getInstance("JPY");
        assertEquals(new java.math.BigDecimal("5.000"), Values.money("5.000", cny));
        assertEquals(new java.math.BigDecimal("1.5e2"), Values.money("1.5e2", cny));
        assertEquals(new java.math.BigDecimal("1E+2"), Values.money("1E+2", jpy));
        assertEquals(new java.math.BigDecimal("120.0"), Values.money("120.0", jpy));
        assertEquals("more decimals than JPY has (0)", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Values.money("120.5", jpy)).getMessage());
        assertEquals("more decimals than CNY has (2)", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Values.money("0.125", cny)).getMessage());
        assertEquals(Values.NUMBER_RULE, org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Values.money("5d", cny)).getMessage());
    }
}
