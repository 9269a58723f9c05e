package io.crmkit.cli.tour;

import io.crmkit.cli.campaign.CampaignTour;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crm tour}: a narrated walk through every module on bundled sample data. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "A narrated walk through everything crmkit can do, on bundled sample data.")
public final class TourCommand implements Runnable {

    /** The chapters, in reading order; each module adds its own. */
    static final List<TourSection> SECTIONS = List.of(
            new CoreTour(),
            new ScoringTour(),
            new LifetimeValueTour(),
            new ComplaintTour(),
            new LifecycleTour(),
            new AccountTour(),
            new TrainingTour(),
            new CampaignTour(),
            new LoyaltyTour());

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("crmkit tour: customer relationship management as a Java library.");
        int chapter = 1;
        for (TourSection section : SECTIONS) {
            out.println();
            out.printf("%d. %s%n", chapter++, section.title());
            out.println("-".repeat(section.title().length() + 3));
            section.narrate(out);
        }
        out.println();
        out.println("End of the tour. Run `crm --help` for the commands.");
        out.flush();
    }
}
