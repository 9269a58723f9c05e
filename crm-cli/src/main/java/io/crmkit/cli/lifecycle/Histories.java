package io.crmkit.cli.lifecycle;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CustomerIndex;
import io.crmkit.cli.format.TransactionLog;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.lifecycle.stage.PurchaseHistory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The customers' purchase histories from a transaction log, as of the start of a day in a zone:
 * each purchase is placed at the start of its day in the zone (the day counts, not the time), and
 * purchases on the as-of day are included. Customers named only in an optional customers file
 * (prospects) get an empty history.
 */
final class Histories {

    /** The histories, ordered by customer id. */
    final List<PurchaseHistory> histories;
    /** Whether the log has amounts (without them, the phase cannot be read). */
    final boolean amounts;

    private Histories(List<PurchaseHistory> histories, boolean amounts) {
        this.histories = histories;
        this.amounts = amounts;
    }

    /**
     * Reads the log and the optional customers file.
     *
     * @param log the transaction log, {@code customer_id,date[,amount]}
     * @param customersFile a CSV with a {@code customer_id} column (other columns carried), or null
     * @param asOf the day of the decision
     * @param zone the zone of the days
     * @param currency the currency of the amounts
     * @return the histories
     * @throws io.crmkit.cli.format.InputException naming file, line, field, value and rule of the
     *     first bad row
     */
    static Histories read(Path log, Path customersFile, LocalDate asOf, ZoneId zone, Currency currency) {
        TransactionLog t = TransactionLog.read(log, false);
        CustomerIndex customers = t.customers;
        if (customersFile != null) {
            try (CsvInput in = CsvInput.open(customersFile,
                    CsvInput.Schema.of(CsvInput.Others.CARRY).required("customer_id", "id", "customer"))) {
                int id = in.column("customer_id");
                while (in.next()) {
                    customers.of(in.customerId(id));
                }
            }
        }
        int n = customers.size();
        if (n == 0) {
            throw new io.crmkit.cli.format.InputException(t.file + ":1: has no data rows");
        }
        List<List<Purchase>> purchases = new ArrayList<>(n);
        CustomerId[] ids = new CustomerId[n];
        for (int c = 0; c < n; c++) {
            purchases.add(new ArrayList<>());
            ids[c] = CustomerId.of(customers.id(c));
        }
        Money zero = Money.zero(currency);
        for (int k = 0; k < t.size(); k++) {
            Instant at = LocalDate.ofEpochDay(t.day[k]).atStartOfDay(zone).toInstant();
            Money amount = t.amount == null ? zero : Money.of(BigDecimal.valueOf(t.amount[k]), currency);
            purchases.get(t.customer[k]).add(Purchase.of(ids[t.customer[k]], at, amount));
        }
        Instant end = asOf.atStartOfDay(zone).toInstant();
        List<PurchaseHistory> histories = new ArrayList<>(n);
        for (int c : customers.sortedById()) {
            try {
                histories.add(PurchaseHistory.of(ids[c], purchases.get(c), end, zone));
            } catch (IllegalArgumentException e) {
                // a day whose start in the zone falls outside the years 1 to 9999
                throw new io.crmkit.cli.format.InputException(t.file + ": customer_id "
                        + io.crmkit.cli.format.Values.quote(ids[c].value()) + ": " + e.getMessage());
            }
        }
        return new Histories(List.copyOf(histories), t.amount != null);
    }
}
