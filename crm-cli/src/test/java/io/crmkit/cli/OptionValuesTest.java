package io.crmkit.cli;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.CliRun.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Option values are read by one set of converters registered on the root command: a bad date,
 * zone or number is one line naming the option, the value as typed and the rule, exit 2, in every
 * command, and numbers follow the grammar of the input files.
 */
class OptionValuesTest {

    @ParameterizedTest(name = "crm {0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "rfm|--as-of|2020-02-30|crm rfm: --as-of '2020-02-30': not a date yyyy-MM-dd in years 1-9999",
        "rfm|--as-of|garbage|crm rfm: --as-of 'garbage': not a date yyyy-MM-dd in years 1-9999",
        "rfm|--as-of|10000-01-01|crm rfm: --as-of '10000-01-01': not a date yyyy-MM-dd in years 1-9999",
        "rfm|--as-of|0000-01-01|crm rfm: --as-of '0000-01-01': not a date yyyy-MM-dd in years 1-9999",
        "rfm|--as-of|2020-01-01T10:00|crm rfm: --as-of '2020-01-01T10:00': not a date yyyy-MM-dd in years 1-9999",
        "lifecycle stage|--zone|Mars/Base|crm lifecycle stage: --zone 'Mars/Base': not a zone: use a region such as "
                + "Europe/Berlin or an offset such as +08:00",
        "care schedule|--zone|+25:00|crm care schedule: --zone '+25:00': not a zone: use a region such as "
                + "Europe/Berlin or an offset such as +08:00",
        "care schedule|--zone|''|crm care schedule: --zone '': not a zone: use a region such as "
                + "Europe/Berlin or an offset such as +08:00",
        "clv predict|--horizon|5d|crm clv predict: --horizon '5d': not a decimal number (digits with an optional "
                + "point and exponent, e.g. 12.5 or 1.25e3)",
        "clv plot|--horizon|0x1p3|crm clv plot: --horizon '0x1p3': not a decimal number (digits with an optional "
                + "point and exponent, e.g. 12.5 or 1.25e3)",
        "clv value|--monthly-discount|5d|crm clv value: --monthly-discount '5d': not a decimal number (digits with "
                + "an optional point and exponent, e.g. 12.5 or 1.25e3)",
        "lifecycle churn|--threshold|NaN|crm lifecycle churn: --threshold 'NaN': not a decimal number (digits "
                + "with an optional point and exponent, e.g. 12.5 or 1.25e3)",
        "lifecycle churn|--threshold|Infinity|crm lifecycle churn: --threshold 'Infinity': not a decimal number "
                + "(digits with an optional point and exponent, e.g. 12.5 or 1.25e3)",
        "lifecycle churn|--threshold|1e999|crm lifecycle churn: --threshold '1e999': out of range: beyond "
                + "±1.7976931348623157e308, the largest double",
        "satisfaction gaps|--weight|reliability=1.0d|crm satisfaction gaps: --weight '1.0d': not a decimal number "
                + "(digits with an optional point and exponent, e.g. 12.5 or 1.25e3)",
        "care quota|--minimum|3x|crm care quota: --minimum '3x': not a whole number (digits with an optional "
                + "sign, e.g. 250)",
        "care quota|--minimum|3000000000|crm care quota: --minimum '3000000000': out of range: beyond "
                + "±2147483647",
        // numbers of 11 or more digits are quoted as typed: an option's number is not a phone number
        "campaign select|--seed|99999999999999999999|crm campaign select: --seed '99999999999999999999': out of "
                + "range: beyond ±9223372036854775807",
        "lifecycle churn|--window-days|99999999999|crm lifecycle churn: --window-days '99999999999': out of range: "
                + "beyond ±2147483647",
        "clv predict|--horizon|1234567890123x|crm clv predict: --horizon '1234567890123x': not a decimal number "
                + "(digits with an optional point and exponent, e.g. 12.5 or 1.25e3)",
    })
    void aBadOptionValueIsOneUsageLine(String command, String option, String value, String line) {
        String[] words = command.split(" ");
        String[] args = new String[words.length + 2];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = option;
        args[words.length + 1] = value;
        Result r = crm(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(line + System.lineSeparator(), r.err());
    }

    @ParameterizedTest(name = "crm complaint {0} --as-of garbage")
    @CsvSource({"show", "replay"})
    void theSameBadOptionHasTheSameStatusEverywhere(String command) {
        Result r = command.equals("show") ? crm("complaint", "show", "--id", "CP-1", "--as-of", "garbage")
                : crm("complaint", "replay", "--input", "no-such-script.jsonl", "--as-of", "garbage");
        assertEquals(2, r.exit(), r.err());
        assertEquals("crm complaint " + command + ": --as-of 'garbage': not an ISO-8601 date-time with offset, "
                + "e.g. 2026-03-02T09:00:00+08:00" + System.lineSeparator(), r.err());
    }
}
