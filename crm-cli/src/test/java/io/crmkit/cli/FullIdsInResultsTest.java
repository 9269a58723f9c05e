package io.crmkit.cli;

import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer id that looks like personal data (a mobile number, an e-mail address) is masked in
 * the library's {@code toString()} and messages, but a command's results print it in full: they
 * are the customer's own rows, and a masked id could not be joined back. Each command here writes
 * ids it got from a library value, where a {@code toString()} would have masked them.
 */
class FullIdsInResultsTest {

    private static final String PHONE = "13812345678";
    private static final String EMAIL = "zhang.wei@example.com";

    @TempDir
    Path dir;

    @Test
    void campaignSelectPrintsTheIdsInFull() throws IOException {
        String plan = """
                {"id": "t-1", "channel": "sms", "currency": "CNY", "budget": "100", "costPerContact": "1.00",
                 "schedule": {"start": "2026-12-01T00:00:00Z", "end": "2026-12-08T00:00:00Z"},
                 "audience": {"allOf": [{"rfmSegment": ["At risk"]}]},
                 "contactCap": {"maxContacts": 2, "period": "P7D"}, "controlShare": 0.0, "attributionWindow": "P7D"}
                """;
        String customers = "customer_id,rfm_segment,consent_sms,withdrawn_sms,open_complaint,visits_90d\n"
                + PHONE + ",At risk,2026-01-01,,false,3\n"
                + EMAIL + ",Lost,2026-01-01,,false,3\n";
        Result r = crm("campaign", "select", "--plan", file(dir, "plan.json", plan).toString(),
                "--customers", file(dir, "customers.csv", customers).toString(),
                "--as-of", "2026-12-01T09:00:00Z", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,group,reason",
                PHONE + ",treatment,segment At risk in [At risk]",
                EMAIL + ",excluded,not in audience: segment Lost not in [At risk]"), r.out().lines().toList());
    }

    @Test
    void complaintShowAndListPrintTheCustomerIdInFull() throws IOException {
        String receive = "{\"command\":\"receive\",\"at\":\"2026-03-02T09:00:00+08:00\",\"actor\":\"li.na\","
                + "\"role\":\"agent\",\"id\":\"CP-7\",\"customer\":\"" + PHONE + "\",\"category\":\"fault_in_use\","
                + "\"severity\":\"high\",\"description\":\"noisy\"}";
        assertEquals(0, stored("db", "migrate").exit());
        Result open = stored("complaint", "open", "--command", receive);
        assertEquals(0, open.exit(), open.err());
        assertEquals(PHONE, new ObjectMapper().readTree(open.out()).get("customer").asText());

        Result list = stored("complaint", "list", "--customer", PHONE);
        assertEquals(0, list.exit(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(2, lines.size(), list.out());
        assertTrue(lines.get(1).startsWith("CP-7," + PHONE + ",fault_in_use,high,received,li.na,1,"), lines.get(1));
    }

    private Result stored(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--db";
        all[args.length + 1] = "jdbc:h2:file:" + dir.resolve("crm-data/crm").toAbsolutePath();
        all[args.length + 2] = "--key-file";
        all[args.length + 3] = dir.resolve("crm-data/store.key").toString();
        return crm(all);
    }
}
