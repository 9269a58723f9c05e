package io.crmkit.cli.tier;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.TierPolicyJson;

import io.crmkit.scoring.tier.TierPlacement;
import io.crmkit.scoring.tier.TierPolicy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm tier}: places every customer of a metrics file on a tier ladder read from JSON. */
@Command(name = "tier", mixinStandardHelpOptions = true,
        description = {"Places customers on a tier ladder and says why, and what is missing for the next tier.",
            "Policy: JSON {\"name\":…, \"tiers\":[{\"name\":…, \"match\":\"all|any\", \"criteria\":[{\"metric\":…, \"atLeast|above|atMost|below\":x | \"between\":[lo,hi]}]}, …]}, top tier first.",
            "Input: CSV customer_id,<metric>,… ; an empty cell is a missing metric.",
            "Output: CSV customer_id,tier,reason (tier empty when the customer meets no tier)."})
public final class TierCommand implements Callable<Integer> {

    @Option(names = "--policy", required = true, description = "the tier policy as JSON")
    Path policy;

    @Option(names = "--input", required = true, description = "metrics CSV: customer_id and one column per metric")
    Path input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TierPolicy p;
        try (Reader in = Csv.open(policy)) {
            p = TierPolicyJson.read(in, policy.getFileName().toString());
        }
        String name = input.getFileName().toString();
        List<Csv.MetricsRow> rows;
        try (Reader in = Csv.open(input)) {
            rows = Csv.readMetrics(in, name);
        }
        try {
            CSVPrinter csv = Csv.printer(spec.commandLine().getOut());
            csv.printRecord("customer_id", "tier", "reason");
            for (Csv.MetricsRow row : rows) {
                TierPlacement placement;
                try {
                    placement = p.place(row.metrics());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " line " + row.line() + ": " + e.getMessage(), e);
                }
                csv.printRecord(row.customerId(), placement.tier().orElse(""), placement.reason());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
