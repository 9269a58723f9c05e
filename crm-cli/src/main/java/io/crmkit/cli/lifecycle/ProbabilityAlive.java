package io.crmkit.cli.lifecycle;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CustomerIndex;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.OneRowPerCustomer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Each customer's probability alive from a CSV with {@code customer_id} and {@code p_alive}
 * columns (other columns carried through and ignored), such as {@code crm clv predict} writes.
 * The ids are interned ({@link CustomerIndex}) beside a column of probabilities: no map entry or
 * boxed value per customer.
 */
final class ProbabilityAlive {

    private final String file;
    private final CustomerIndex customers;
    private final double[] pAlive;

    private ProbabilityAlive(String file, CustomerIndex customers, double[] pAlive) {
        this.file = file;
        this.customers = customers;
        this.pAlive = pAlive;
    }

    static ProbabilityAlive read(Path path) {
        try (CsvInput in = CsvInput.open(path, CsvInput.Schema.of(CsvInput.Others.CARRY)
                .required("customer_id", "id", "customer").required("p_alive", "probability_alive"))) {
            int id = in.column("customer_id");
            int p = in.column("p_alive");
            OneRowPerCustomer rows = new OneRowPerCustomer();
            double[] values = new double[1 << 10];
            while (in.next()) {
                String customer = in.customerId(id);
                double v = in.number(p);
                if (v < 0 || v > 1) {
                    throw in.refuse(p, "a probability must lie in [0, 1]");
                }
                int k = rows.of(customer, in, id);
                if (k == values.length) {
                    values = Arrays.copyOf(values, k * 2);
                }
                values[k] = v;
            }
            CustomerIndex customers = rows.customers();
            return new ProbabilityAlive(in.file(), customers, Arrays.copyOf(values, customers.size()));
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
        int k = customers.indexOf(customer);
        if (k < 0) {
            throw new InputException(file + ": customer_id " + io.crmkit.cli.format.Values.quote(customer)
                    + ": no row, but the customer has purchases: every customer needs a p_alive");
        }
        return pAlive[k];
    }
}
