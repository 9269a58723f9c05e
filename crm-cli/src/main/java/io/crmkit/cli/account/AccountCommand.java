package io.crmkit.cli.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.accounts.AccountPlan;
import io.crmkit.accounts.AccountReview;
import io.crmkit.accounts.DecisionChainDiagram;
import io.crmkit.accounts.Finding;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm account}: reviews a key-account plan and draws its decision chain. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Key-account plans: review a plan against its facts, draw the decision chain.",
        subcommands = {AccountCommand.ReviewCommand.class, AccountCommand.MapCommand.class})
public final class AccountCommand {

    /** How the review is written. */
    enum ReviewFormat {
        /** One line per finding, most severe first. */
        TEXT,
        /** One JSON object with the account and its findings. */
        JSON
    }

    /** How the decision chain is drawn. */
    enum MapFormat {
        /** A Mermaid flowchart. */
        MERMAID,
        /** A Graphviz digraph. */
        DOT
    }

    /** {@code crm account review}. */
    @Command(name = "review", mixinStandardHelpOptions = true,
            description = {"Checks a key-account plan as of a date and lists its findings, most severe first.",
                "The as-of date is on or after every date of which the plan keeps only the latest (lastReview of the "
                    + "plan and its cards, lastContact of each person, since of each deal): a plan dated after its "
                    + "review is refused with the file and line of the first such date.",
                "Exit 0 whether or not there are findings; 1 for a malformed plan; 2 for a usage error."})
    static final class ReviewCommand implements Callable<Integer> {

        @Option(names = "--plan", required = true, description = "the account plan as JSON (see README, crm-accounts)")
        Path plan;

        @Option(names = "--as-of", required = true, description = "the day of the review, YYYY-MM-DD")
        LocalDate asOf;

        @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
        ReviewFormat format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AccountReview review = PlanJson.read(plan, asOf).review(asOf);
            PrintWriter out = spec.commandLine().getOut();
            if (format == ReviewFormat.JSON) {
                out.println(json(review));
            } else {
                text(review, out);
            }
            out.flush();
            return 0;
        }
    }

    /**
     * Writes a review as text: a heading line, then one line per finding
     * ({@code CODE subject: reason}).
     *
     * @param review the review
     * @param out where to write
     */
    static void text(AccountReview review, PrintWriter out) {
        int n = review.findings().size();
        out.printf("%s, review as of %s: %s%n", review.account(), review.asOf(),
                n == 0 ? "no findings" : n == 1 ? "1 finding" : n + " findings");
        for (Finding f : review.findings()) {
            out.println(f);
        }
    }

    /** The JSON writer, made on first use: building the whole command tree (crm --help) initialises this class. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    }

    static String json(AccountReview review) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("account", review.account());
        root.put("asOf", review.asOf().toString());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : review.findings()) {
            findings.addObject().put("code", f.code().name()).put("subject", f.subject()).put("reason", f.reason());
        }
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code crm account map}. */
    @Command(name = "map", mixinStandardHelpOptions = true,
            description = {"Draws the plan's decision chain as an org chart: reports-to edges, role and influence on",
                "each node, attitude as colour, coach and sponsors marked. Names are masked unless --full-names."})
    static final class MapCommand implements Callable<Integer> {

        @Option(names = "--plan", required = true, description = "the account plan as JSON")
        Path plan;

        @Option(names = "--format", defaultValue = "mermaid", description = "mermaid (default) or dot")
        MapFormat format;

        @Option(names = "--full-names", description = "show people's full names (they are personal data)")
        boolean fullNames;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AccountPlan p = PlanJson.read(plan);
            DecisionChainDiagram diagram = fullNames ? DecisionChainDiagram.of(p).withFullNames() : DecisionChainDiagram.of(p);
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == MapFormat.DOT ? diagram.dot() : diagram.mermaid());
            out.flush();
            return 0;
        }
    }
}
