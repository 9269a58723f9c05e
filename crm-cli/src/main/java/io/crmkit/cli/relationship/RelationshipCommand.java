package io.crmkit.cli.relationship;

import io.crmkit.core.relationship.ContactPolicy;
import io.crmkit.core.relationship.ContactPromise;
import io.crmkit.core.relationship.RelationshipLevel;
import io.crmkit.core.relationship.RelationshipLevels;
import io.crmkit.core.relationship.RelationshipLevels.CustomerCount;
import io.crmkit.core.relationship.RelationshipLevels.Margin;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm relationship …}: Kotler's relationship levels. */
@Command(name = "relationship", mixinStandardHelpOptions = true,
        description = "Kotler's five relationship levels.",
        subcommands = RelationshipCommand.Recommend.class)
public final class RelationshipCommand {

    /** {@code crm relationship recommend --customers many|medium|few --margin high|medium|low}. */
    @Command(name = "recommend", mixinStandardHelpOptions = true,
            description = {"Recommends a relationship level from Kotler's table: the number of customers (row) "
                    + "and the profit margin per unit (column).",
                "Prints the level(s) on the first line, then the reason and what each level promises."})
    static final class Recommend implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--customers", required = true, paramLabel = "many|medium|few",
                description = "How many customers the group has: ${COMPLETION-CANDIDATES} (case-insensitive).")
        CustomerCount customers;

        @Option(names = "--margin", required = true, paramLabel = "high|medium|low",
                description = "The profit margin per unit: ${COMPLETION-CANDIDATES} (case-insensitive).")
        Margin margin;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            RelationshipLevels.Recommendation r = RelationshipLevels.recommend(customers, margin);
            out.println(r.levels().stream().map(RelationshipLevel::name).collect(Collectors.joining(" or ")));
            out.println("reason: " + r.reason());
            for (RelationshipLevel level : r.levels()) {
                out.printf("%s: %s; promised contacts: %s%n", level, level.meaning(),
                        promises(ContactPolicy.defaults().promises(level)));
            }
            out.flush();
        }

        private static String promises(List<ContactPromise> promises) {
            return promises.isEmpty() ? "none"
                    : promises.stream().map(ContactPromise::toString).collect(Collectors.joining(", "));
        }
    }
}
