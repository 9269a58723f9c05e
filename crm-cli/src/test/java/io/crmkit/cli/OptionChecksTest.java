package io.crmkit.cli;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.CliRun.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option values of the right type but outside what the command accepts are refused before the
 * library sees them: one line naming the option as typed and its value, exit 2, never the
 * library's own field names or a Java duration such as PT-120H.
 */
class OptionChecksTest {

    @ParameterizedTest(name = "crm {0}")
    @CsvSource(delimiter = '|', value = {
        "lifecycle stage --input none.csv --as-of 2026-03-01 --policy window --window-days -5"
                + "|crm lifecycle stage: --window-days '-5': must be at least 1 day",
        "lifecycle stage --input none.csv --as-of 2026-03-01 --won-back-days -5"
                + "|crm lifecycle stage: --won-back-days '-5': must be at least 1 day",
        "lifecycle stage --input none.csv --as-of 2026-03-01 --loyal-visits 1"
                + "|crm lifecycle stage: --loyal-visits '1': must be at least 2",
        "lifecycle stage --input none.csv --as-of 2026-03-01 --multiple 0.5"
                + "|crm lifecycle stage: --multiple '0.5': must be at least 1",
        "lifecycle stage --input none.csv --as-of 2026-03-01 --periods 2"
                + "|crm lifecycle stage: --periods '2': must be 3 to 1000",
        "care quota --interactions none.csv --day 2026-03-04 --minimum 0"
                + "|crm care quota: --minimum '0': must be at least 1",
        "clv fit --model bgnbd --input none.csv --penalizer -1"
                + "|crm clv fit: --penalizer '-1': must be 0 to 10000 (a larger L2 penalty outweighs the data by "
                + "orders of magnitude and cannot be fitted reliably)",
    })
    void anOptionOutsideItsRangeNamesTheOptionAsTyped(String line, String expected) {
        Result r = crm(line.split(" "));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(expected + System.lineSeparator(), r.err());
    }
}
