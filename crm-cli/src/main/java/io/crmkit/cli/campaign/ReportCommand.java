package io.crmkit.cli.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.cli.format.MoneyText;
import io.crmkit.marketing.Assignment;
import io.crmkit.marketing.CampaignPlan;
import io.crmkit.marketing.CampaignResponse;
import io.crmkit.marketing.CampaignResults;
import io.crmkit.marketing.ConfidenceInterval;
import io.crmkit.marketing.GroupOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm campaign report}: per-group rates, uplift with 95 % intervals, incremental revenue and ROI. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Reports what a campaign achieved against its control group: responses and purchases attributed "
                + "within the plan's window after the contact, response rates, the uplift (treatment - control) with "
                + "Newcombe's 95%% interval and revenue per customer with a seeded bootstrap, incremental revenue, cost, "
                + "and ROI = (incremental revenue - cost) / cost."})
public final class ReportCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { text, json }

    /** The JSON writer, made on first use: building the whole command tree (crm --help) initialises this class. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Option(names = "--plan", required = true, description = "the campaign plan as JSON")
    Path plan;

    @Option(names = "--audience", required = true, description = "CSV customer_id,group[,reason] as written by crm campaign select")
    Path audience;

    @Option(names = "--responses", required = true, description = "CSV customer_id,at,responded,revenue")
    Path responses;

    @Option(names = "--as-of", converter = InstantConverter.class,
            description = "the contact instant the window starts from (default: the schedule's start)")
    Instant asOf;

    @Option(names = "--seed", defaultValue = "1", description = "the seed of the revenue bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CampaignPlan p;
        p = PlanJson.read(plan);
        List<Assignment> assignments;
        assignments = CampaignFiles.readAudience(audience);
        List<CampaignResponse> rows;
        rows = CampaignFiles.readResponses(responses, p.budget().currency());
        Instant contactAt = asOf == null ? p.schedule().start() : asOf;
        CampaignResults r;
        try {
            r = CampaignResults.measure(p, assignments, contactAt, rows, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(audience.getFileName() + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(r));
        } else {
            text(out, p, contactAt, r);
        }
        out.flush();
        return 0;
    }

    private static String json(CampaignResults r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        Currency currency = r.cost().currency();
        group(root.putObject("treatment"), r.treatment(), currency);
        group(root.putObject("control"), r.control(), currency);
        interval(root.putObject("responseUplift"), r.responseUplift());
        interval(root.putObject("revenueUplift"), r.revenueUplift());
        root.put("incrementalRevenue", MoneyText.number(r.incrementalRevenue().amount(), currency));
        root.put("cost", MoneyText.number(r.cost().amount(), currency));
        root.put("currency", r.cost().currency().getCurrencyCode());
        if (r.roi().isPresent()) {
            root.put("roi", r.roi().getAsDouble());
        } else {
            root.putNull("roi");
        }
        root.put("unattributed", r.unattributed());
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void group(ObjectNode node, GroupOutcome g, Currency currency) {
        node.put("n", g.customers());
        node.put("responders", g.responders());
        node.put("purchases", g.purchases());
        node.put("revenue", MoneyText.number(g.revenue().amount(), currency));
        node.put("responseRate", g.responseRate());
    }

    private static void interval(ObjectNode node, ConfidenceInterval ci) {
        node.put("estimate", ci.estimate());
        node.put("low", ci.low());
        node.put("high", ci.high());
    }

    private static void text(PrintWriter out, CampaignPlan p, Instant contactAt, CampaignResults r) {
        Currency money = r.cost().currency();
        String currency = money.getCurrencyCode();
        out.printf(Locale.ROOT, "campaign %s (%s): contacts at %s, responses attributed for %s%n",
                p.id(), p.channel().name().toLowerCase(Locale.ROOT), contactAt, window(p.attributionWindow()));
        out.printf(Locale.ROOT, "%-10s %9s %10s %7s %9s %12s %12s%n", "group", "customers", "responders", "rate",
                "purchases", "revenue", "per customer");
        row(out, "treatment", r.treatment(), money);
        row(out, "control", r.control(), money);
        out.printf(Locale.ROOT, "response uplift      %s%n", percent(r.responseUplift()));
        ConfidenceInterval rev = r.revenueUplift();
        out.printf(Locale.ROOT, "revenue uplift       %s %s per customer (95%% CI %s to %s)%n", currency,
                money(rev.estimate(), money), money(rev.low(), money), money(rev.high(), money));
        out.printf(Locale.ROOT, "incremental revenue  %s %s%n", currency,
                MoneyText.format(r.incrementalRevenue().amount(), money));
        out.printf(Locale.ROOT, "cost                 %s %s%n", currency, MoneyText.format(r.cost().amount(), money));
        out.printf(Locale.ROOT, "ROI                  %s%n",
                r.roi().isPresent() ? String.format(Locale.ROOT, "%.2f  (incremental revenue - cost) / cost", r.roi().getAsDouble())
                        : "none: the contacts cost nothing");
        if (r.unattributed() > 0) {
            out.printf(Locale.ROOT, "(%d responses outside the window or from excluded customers were not attributed)%n", r.unattributed());
        }
    }

    private static void row(PrintWriter out, String name, GroupOutcome g, Currency currency) {
        out.printf(Locale.ROOT, "%-10s %9d %10d %6.2f%% %9d %12s %12s%n", name, g.customers(), g.responders(),
                100 * g.responseRate(), g.purchases(), MoneyText.format(g.revenue().amount(), currency),
                MoneyText.format(g.revenuePerCustomer(), currency));
    }

    /** A statistic in money (a mean difference per customer) at the currency's fraction digits. */
    private static String money(double value, Currency currency) {
        return MoneyText.format(BigDecimal.valueOf(value), currency);
    }

    private static String window(java.time.Duration d) {
        return d.toSeconds() % 86_400 == 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days") : d.toString();
    }

    private static String percent(ConfidenceInterval ci) {
        return String.format(Locale.ROOT, "%+.2f points (95%% CI %+.2f to %+.2f)", 100 * ci.estimate(), 100 * ci.low(), 100 * ci.high());
    }
}
