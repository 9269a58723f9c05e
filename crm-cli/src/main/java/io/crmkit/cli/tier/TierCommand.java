package io.crmkit.cli.tier;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CsvRows;
import io.crmkit.cli.format.OneRowPerCustomer;
import io.crmkit.cli.format.TierPolicyJson;

import io.crmkit.scoring.tier.TierPlacement;
import io.crmkit.scoring.tier.TierPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm tier}: places every customer of a metrics file on a tier ladder read from JSON. */
@Command(name = "tier", mixinStandardHelpOptions = true,
        description = {"Places customers on a tier ladder and says why, and what is missing for the next tier.",
            "Policy: JSON {\"name\":…, \"tiers\":[{\"name\":…, \"match\":\"all|any\", \"criteria\":[{\"metric\":…, \"atLeast|above|atMost|below\":x | \"between\":[lo,hi]}]}, …]}, top tier first.",
            "Input: CSV customer_id,<metric>,… ; an empty cell is a missing metric.",
            "Output: CSV customer_id,tier,reason (tier empty when the customer meets no tier), written only once every row is valid."})
public final class TierCommand implements Callable<Integer> {

    @Option(names = "--policy", required = true, description = "the tier policy as JSON")
    Path policy;

    @Option(names = "--input", required = true, description = "metrics CSV: customer_id and one column per metric")
    Path input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TierPolicy p = TierPolicyJson.read(policy);
        List<String[]> placed = new ArrayList<>();
        try (CsvInput in = CsvInput.open(input, CsvInput.Schema.of(CsvInput.Others.DATA).required("customer_id"))) {
            int id = in.column("customer_id");
            int[] metrics = in.otherColumns();
            List<String> header = in.header();
            OneRowPerCustomer customers = new OneRowPerCustomer();
            while (in.next()) {
                String customer = in.customerId(id);
                customers.of(customer, in, id);
                Map<String, Double> values = new HashMap<>();
                for (int column : metrics) {
                    if (!in.text(column).isEmpty()) {
                        values.put(header.get(column), in.number(column));
                    }
                }
                TierPlacement placement;
                try {
                    placement = p.place(values);
                } catch (IllegalArgumentException e) {
                    throw in.refuse(e.getMessage());
                }
                placed.add(new String[] {customer, placement.tier().orElse(""), placement.reason()});
            }
        }
        CsvRows csv = CsvRows.to(spec.commandLine().getOut());
        csv.row("customer_id", "tier", "reason");
        for (String[] row : placed) {
            csv.row(row);
        }
        csv.flush();
        return 0;
    }
}
