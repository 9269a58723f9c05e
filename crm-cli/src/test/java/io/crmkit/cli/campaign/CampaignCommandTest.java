package io.crmkit.cli.campaign;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignCommandTest {

    @TempDir
    Path dir;

    private void refused(String[] args, String line) {
        Result r = crm(args);
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(line + "\n", r.err().replace("\r\n", "\n"));
    }

    private String[] select(Path customers, Path contacts) throws IOException {
        return new String[] {"campaign", "select", "--plan", file(dir, "plan.json", PLAN).toString(), "--customers",
            customers.toString(), "--contacts", contacts.toString(), "--as-of", "2026-12-01", "--seed", "1"};
    }

    @Test
    void theInputsFollowTheOneInputDialect() throws IOException {
        Path customers = file(dir, "customers.csv", CUSTOMERS);
        Path contacts = file(dir, "contacts.csv", CONTACTS);
        refused(select(Files.write(dir.resolve("utf16.csv"), CUSTOMERS.getBytes(java.nio.charset.StandardCharsets.UTF_16)),
                contacts), "crm campaign select: utf16.csv:1: the file is UTF-16 (or UTF-32): crm reads UTF-8, with or without a byte-order mark");
        refused(select(file(dir, "dup.csv", "customer_id,clv,clv\na,1,2\n"), contacts),
                "crm campaign select: dup.csv:1: column 'clv' appears twice (columns 2 and 3)");
        refused(select(customers, file(dir, "typo.csv", "customer_id,campaign,chanel,at\n")),
                "crm campaign select: typo.csv:1: column 'chanel': unknown; did you mean 'channel'?");
        refused(select(file(dir, "hex.csv", "customer_id,clv\na,0x1p3\n"), contacts),
                "crm campaign select: hex.csv:2: clv '0x1p3': not a decimal number (digits with an optional point and exponent,"
                        + " e.g. 12.5 or 1.25e3)");
        refused(select(customers, file(dir, "date.csv", "customer_id,campaign,channel,at\na,x,sms,2020-01-02Tgarbage\n")),
                "crm campaign select: date.csv:2: at '2020-01-02Tgarbage': not a date yyyy-MM-dd (optionally followed by T and"
                        + " a time HH:mm[:ss], then optionally an offset Z or +HH:mm)");
        String[] trailing = select(customers, contacts);
        trailing[3] = file(dir, "p2.json", "{\"id\": \"x\"} {}").toString();
        refused(trailing, "crm campaign select: p2.json:1: not valid JSON: content after the value (one JSON value, no comments)");
        String[] twice = select(customers, contacts);
        twice[3] = file(dir, "p3.json", "{\"id\": \"x\", \"id\": \"y\"}").toString();
        refused(twice, "crm campaign select: p3.json:1: not valid JSON: field 'id' appears twice in one object");
    }

    private static final String PLAN = """
            {"id": "t-1", "channel": "sms", "currency": "CNY", "budget": "100", "costPerContact": "1.00",
             "schedule": {"start": "2026-12-01T00:00:00Z", "end": "2026-12-08T00:00:00Z"},
             "audience": {"allOf": [{"rfmSegment": ["At risk"]}, {"metric": {"name": "visits_90d", "atLeast": 1}}]},
             "contactCap": {"maxContacts": 2, "period": "P7D"}, "controlShare": 0.0, "attributionWindow": "P7D"}
            """;

    private static final String CUSTOMERS = """
            customer_id,rfm_segment,consent_sms,withdrawn_sms,open_complaint,visits_90d
            a,At risk,2026-01-01,,false,3
            b,At risk,2026-01-01,2026-12-01T09:00:00Z,false,3
            c,At risk,2026-01-01,,true,3
            d,At risk,2026-01-01,,false,3
            e,Lost,2026-01-01,,false,3
            f,At risk,2026-01-01,,false,0

            g,At risk,,,false,2
            """;

    private static final String CONTACTS = """
            customer_id,campaign,channel,at
            a,other,email,2026-11-28T09:00:00Z
            d,other,email,2026-11-28T09:00:00Z
            d,other,push,2026-11-30T09:00:00Z
            """;

    @Test
    void selectWritesEachCustomersGroupAndReason() throws IOException {
        Result r = crm("campaign", "select", "--plan", file(dir, "plan.json", PLAN).toString(),
                "--customers", file(dir, "customers.csv", CUSTOMERS).toString(),
                "--contacts", file(dir, "contacts.csv", CONTACTS).toString(),
                "--as-of", "2026-12-01T09:00:00Z", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                "customer_id,group,reason",
                "a,treatment,segment At risk in [At risk] and visits_90d 3.0 >= 1.0",
                "b,excluded,no marketing consent on sms at 2026-12-01T09:00:00Z",
                "c,excluded,open complaint",
                "d,excluded,\"contact fatigue: 2 contacts in the PT168H before 2026-12-01T09:00:00Z, at most 2 contacts per PT168H\"",
                "e,excluded,not in audience: segment Lost not in [At risk]",
                "f,excluded,not in audience: visits_90d 0.0 < 1.0",
                "g,excluded,no marketing consent on sms at 2026-12-01T09:00:00Z"), r.out().lines().toList());
        assertEquals("", r.err());
    }

    @Test
    void theSameSeedGivesTheSameAudienceOnTheBundledData() throws IOException {
        String[] args = {"campaign", "select", "--plan", bundled(dir, "campaign.json").toString(),
            "--customers", bundled(dir, "campaign-customers.csv").toString(),
            "--contacts", bundled(dir, "campaign-contacts.csv").toString(), "--as-of", "2026-12-01", "--seed", "7"};
        Result first = crm(args);
        assertEquals(0, first.exit(), first.err());
        assertEquals(first.out(), crm(args).out());
        List<String> lines = first.out().lines().toList();
        assertEquals(3001, lines.size());
        // the bundled boundary cases: consent withdrawn at the contact instant, a contact exactly 24 h
        // before (allowed) and one 23:59:59 before (one promotion a day)
        assertEquals("c-0001,excluded,no marketing consent on email at 2026-12-01T00:00:00Z", lines.get(1));
        assertTrue(lines.get(2).startsWith("c-0002,treatment,") || lines.get(2).startsWith("c-0002,control,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("c-0003,excluded,\"contact fatigue: 1 contact in the PT24H"), lines.get(3));
    }

    @Test
    void reportGivesTheJsonShapeWithHandCheckedNumbers() throws IOException {
        // 4 treated (2 respond, CNY 120 in all), 2 held out (1 responds, CNY 50), 1 excluded
        Path audience = file(dir, "audience.csv", """
                customer_id,group,reason
                t1,treatment,x
                t2,treatment,x
                t3,treatment,x
                t4,treatment,x
                c1,control,x
                c2,control,x
                x1,excluded,no consent
                """);
        Path responses = file(dir, "responses.csv", """
                customer_id,at,responded,revenue
                t1,2026-12-01T00:00:00Z,true,100
                t1,2026-12-03,false,20
                t2,2026-12-07T23:59:59Z,true,
                t3,2026-12-08T00:00:00Z,true,500
                c1,2026-12-02,true,50
                x1,2026-12-02,true,70
                """);
        Result r = crm("campaign", "report", "--plan", file(dir, "plan.json", PLAN).toString(), "--audience", audience.toString(),
                "--responses", responses.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(4, json.at("/treatment/n").asInt());
        assertEquals(2, json.at("/treatment/responders").asInt());
        assertEquals(120.0, json.at("/treatment/revenue").asDouble());
        assertEquals(2, json.at("/control/n").asInt());
        assertEquals(1, json.at("/control/responders").asInt());
        assertEquals(50.0, json.at("/control/revenue").asDouble());
        assertEquals(0.0, json.at("/responseUplift/estimate").asDouble(), 1e-12);
        assertTrue(json.at("/responseUplift/low").asDouble() < 0 && json.at("/responseUplift/high").asDouble() > 0);
        assertEquals(5.0, json.at("/revenueUplift/estimate").asDouble(), 1e-12);
        // incremental 120 − 50·4/2 = 20; cost 4 × 1.00 = 4; ROI (20 − 4)/4 = 4
        assertEquals(20.0, json.at("/incrementalRevenue").asDouble());
        assertEquals(4.0, json.at("/cost").asDouble());
        assertEquals(4.0, json.at("/roi").asDouble(), 1e-12);
        assertEquals(2, json.at("/unattributed").asInt());
    }

    @Test
    void reportTextOnTheBundledCampaign() throws IOException {
        Result sel = crm("campaign", "select", "--plan", bundled(dir, "campaign.json").toString(),
                "--customers", bundled(dir, "campaign-customers.csv").toString(),
                "--contacts", bundled(dir, "campaign-contacts.csv").toString(), "--as-of", "2026-12-01", "--seed", "7");
        Path audience = file(dir, "audience.csv", sel.out());
        Result r = crm("campaign", "report", "--plan", bundled(dir, "campaign.json").toString(), "--audience", audience.toString(),
                "--responses", bundled(dir, "campaign-responses.csv").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("campaign winter-26 (email): contacts at 2026-12-01T00:00:00Z, responses attributed for 14 days", lines.get(0));
        assertTrue(lines.get(2).startsWith("treatment        605         68  11.24%"), lines.get(2));
        assertTrue(lines.get(3).startsWith("control          168          7   4.17%"), lines.get(3));
        assertEquals("response uplift      +7.07 points (95% CI +2.31 to +10.57)", lines.get(4));
        assertEquals("cost                 CNY 484.00", lines.get(7));
    }

    @Test
    void badDataExitsOneWithFileAndLine() throws IOException {
        Path plan = file(dir, "plan.json", PLAN);
        Result r = crm("campaign", "select", "--plan", plan.toString(),
                "--customers", file(dir, "customers.csv", "customer_id,clv\na,12\nb,lots\n").toString(), "--as-of", "2026-12-01", "--seed", "1");
        assertEquals(1, r.exit());
        assertEquals("crm campaign select: customers.csv:3: clv 'lots': not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)", r.err().strip());

        Result badPlan = crm("campaign", "select", "--plan", file(dir, "bad.json", PLAN.replace("\"controlShare\": 0.0", "\"controlShare\": 1.5")).toString(),
                "--customers", file(dir, "c.csv", "customer_id\na\n").toString(), "--as-of", "2026-12-01", "--seed", "1");
        assertEquals(1, badPlan.exit(), badPlan.out());
        assertEquals("crm campaign select: bad.json: controlShare 1.5 is outside [0, 1)", badPlan.err().strip());

        Result rule = crm("campaign", "select", "--plan", file(dir, "rule.json", PLAN.replace("\"atLeast\": 1", "\"above\": 1")).toString(),
                "--customers", file(dir, "c2.csv", "customer_id\na\n").toString(), "--as-of", "2026-12-01", "--seed", "1");
        assertEquals(1, rule.exit());
        assertEquals("crm campaign select: rule.json: audience.allOf[1].metric: a threshold is {\"atLeast\": x} (value >= x) or {\"below\": x} (value < x)",
                rule.err().strip());

        Result late = crm("campaign", "select", "--plan", plan.toString(),
                "--customers", file(dir, "c3.csv", "customer_id\na\n").toString(), "--as-of", "2026-12-09", "--seed", "1");
        assertEquals(1, late.exit());
        assertEquals("crm campaign select: plan.json: schedule 2026-12-01T00:00:00Z to 2026-12-08T00:00:00Z (exclusive) "
                + "does not contain --as-of 2026-12-09T00:00:00Z", late.err().strip());

        Result twice = crm("campaign", "select", "--plan", plan.toString(),
                "--customers", file(dir, "c4.csv", "customer_id\na\nb\na\n").toString(), "--as-of", "2026-12-01", "--seed", "1");
        assertEquals(1, twice.exit());
        assertEquals("crm campaign select: c4.csv:4: customer_id 'a': appears twice", twice.err().strip());

        Result group = crm("campaign", "report", "--plan", plan.toString(),
                "--audience", file(dir, "a.csv", "customer_id,group,reason\na,treated,x\n").toString(),
                "--responses", file(dir, "r.csv", "customer_id,at,responded,revenue\n").toString());
        assertEquals(1, group.exit());
        assertEquals("crm campaign report: a.csv:2: group 'treated': must be treatment, control or excluded", group.err().strip());

        Result empty = crm("campaign", "report", "--plan", plan.toString(),
                "--audience", file(dir, "a2.csv", "customer_id,group,reason\na,treatment,x\n").toString(),
                "--responses", file(dir, "r2.csv", "customer_id,at,responded,revenue\na,2026-12-02,maybe,1\n").toString());
        assertEquals(1, empty.exit());
        assertEquals("crm campaign report: r2.csv:2: responded 'maybe': must be true or false", empty.err().strip());

        // a response row repeated used to count a second purchase and its revenue for the treated group
        refused(new String[] {"campaign", "report", "--plan", plan.toString(),
            "--audience", file(dir, "a3.csv", "customer_id,group,reason\na,treatment,x\n").toString(),
            "--responses", file(dir, "r3.csv", "customer_id,at,responded,revenue\na,2026-12-02T10:00,true,30\n"
                    + "a,2026-12-03,true,20\na,2026-12-02T10:00:00Z,true,30\n").toString()},
                "crm campaign report: r3.csv:4: customer_id 'a': a response at 2026-12-02T10:00:00Z is listed again (first on "
                        + "line 2): one row per customer and instant");
        // a contact row repeated used to count twice toward the plan's frequency cap
        refused(select(file(dir, "c5.csv", CUSTOMERS), file(dir, "k5.csv",
                "customer_id,campaign,channel,at\na,spring,sms,2026-11-12\na,spring,email,2026-11-12\na,spring,sms,2026-11-12\n")),
                "crm campaign select: k5.csv:4: customer_id 'a': the same contact (campaign, channel and instant) is listed "
                        + "again (first on line 2): one row per contact");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Result r = crm("campaign", "select", "--plan", "p.json", "--customers", "c.csv", "--as-of", "first of December", "--seed", "1");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("crm campaign select: "), r.err());
        Result format = crm("campaign", "report", "--plan", "p.json", "--audience", "a.csv", "--responses", "r.csv", "--format", "xml");
        assertEquals(2, format.exit());
        assertEquals(1, format.err().lines().count(), format.err());
    }
}
