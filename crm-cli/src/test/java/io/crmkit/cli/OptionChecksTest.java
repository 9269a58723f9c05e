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
        // a saved model keeps the penalizer it was fitted with: a --penalizer would be ignored
        "clv predict --model-file none.json --input none.csv --horizon 39 --penalizer 1"
                + "|crm clv predict: --penalizer applies only to a fit (--model), not to a saved model (--model-file): "
                + "it keeps the penalizer it was fitted with",
        // a number the user typed is not personal data: its digits are quoted as typed, never masked
        "clv fit --model bgnbd --input none.csv --penalizer -12345678901"
                + "|crm clv fit: --penalizer '-12345678901': must be 0 to 10000 (a larger L2 penalty outweighs the data by "
                + "orders of magnitude and cannot be fitted reliably)",
        "lifecycle churn --input none.csv --as-of 2026-03-01 --policy p-alive --p-alive none.csv --threshold 12345678901"
                + "|crm lifecycle churn: --threshold '12345678901': must be between 0 and 1, both excluded",
        // an option of another policy or kind would be ignored: refused, naming the option and the choice
        "lifecycle churn --input none.csv --as-of 2026-06-30 --policy rhythm --window-days 30"
                + "|crm lifecycle churn: --window-days applies only to --policy window, not to --policy rhythm",
        "lifecycle churn --input none.csv --as-of 2026-06-30 --window-days 30"
                + "|crm lifecycle churn: --window-days applies only to --policy window, not to --policy rhythm",
        "lifecycle churn --input none.csv --as-of 2026-06-30 --policy window --multiple 2"
                + "|crm lifecycle churn: --multiple applies only to --policy rhythm, not to --policy window",
        "lifecycle churn --input none.csv --as-of 2026-06-30 --policy window --fallback-days 20"
                + "|crm lifecycle churn: --fallback-days applies only to --policy rhythm, not to --policy window",
        "lifecycle churn --input none.csv --as-of 2026-06-30 --policy window --threshold 0.3"
                + "|crm lifecycle churn: --threshold applies only to --policy p-alive, not to --policy window",
        "lifecycle churn --input none.csv --as-of 2026-06-30 --policy window --p-alive pa.csv"
                + "|crm lifecycle churn: --p-alive applies only to --policy p-alive, not to --policy window",
        "lifecycle churn --input none.csv --as-of 2026-06-30 --policy p-alive --p-alive pa.csv --multiple 2"
                + "|crm lifecycle churn: --multiple applies only to --policy rhythm, not to --policy p-alive",
        "lifecycle stage --input none.csv --as-of 2026-06-30 --policy rhythm --window-days 30"
                + "|crm lifecycle stage: --window-days applies only to --policy window, not to --policy rhythm",
        "clv plot --kind tracking --input none.csv --output x.png --calibration-end 1997-09-30 --holdout-end "
                + "1998-06-30 --as-of 1997-09-30|crm clv plot: --as-of applies only to --kind frequency-recency, "
                + "p-alive or period-transactions, not to --kind tracking",
        "clv plot --kind p-alive --input none.csv --output x.png --as-of 1997-09-30 --horizon 4"
                + "|crm clv plot: --horizon applies only to --kind frequency-recency, not to --kind p-alive",
        "clv plot --kind p-alive --input none.csv --output x.png --as-of 1997-09-30 --holdout-end 1998-06-30"
                + "|crm clv plot: --holdout-end applies only to --kind calibration or tracking, not to --kind p-alive",
    })
    void anOptionOutsideItsRangeNamesTheOptionAsTyped(String line, String expected) {
        Result r = crm(line.split(" "));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(expected + System.lineSeparator(), r.err());
    }
}
