package io.crmkit.cli.lifecycle;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Each customer's probability alive from a CSV with {@code customer_id} and {@code p_alive}
 * columns (other columns carried through and ignored), such as {@code crm clv predict} writes.
 */
final class ProbabilityAlive {

    private final String file;
    private final Map<String, Double> pAlive;

    private ProbabilityAlive(String file, Map<String, Double> pAlive) {
        this.file = file;
        this.pAlive = pAlive;
    }

    static ProbabilityAlive read(Path path) {
        try (CsvInput in = CsvInput.open(path, CsvInput.Schema.of(CsvInput.Others.CARRY)
                .required("customer_id", "id", "customer").required("p_alive", "probability_alive"))) {
            int id = in.column("customer_id");
            int p = in.column("p_alive");
            Map<String, Double> values = new HashMap<>();
            Map<String, Long> lines = new HashMap<>();
            while (in.next()) {
                String customer = in.customerId(id);
                double v = in.number(p);
                if (v < 0 || v > 1) {
                    throw in.refuse(p, "a probability must lie in [0, 1]");
                }
                Long first = lines.putIfAbsent(customer, in.line());
                if (first != null) {
                    throw in.refuse(id, "listed again (first on line " + first + "): one row per customer");
                }
                values.put(customer, v);
            }
            return new ProbabilityAlive(in.file(), values);
        }
    }

    /**
     * The customer's probability alive.
     *
     * @param customer the customer id
     * @return P(alive), in [0, 1]
     * @throws InputException if the file has no row for the customer
     */
    double of(String customer) {
        Double v = pAlive.get(customer);
        if (v == null) {
            throw new InputException(file + ": customer_id " + io.crmkit.cli.format.Values.quote(customer)
                    + ": no row, but the customer has purchases: every customer needs a p_alive");
        }
        return v;
    }
}
