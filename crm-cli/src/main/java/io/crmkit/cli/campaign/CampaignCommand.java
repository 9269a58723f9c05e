package io.crmkit.cli.campaign;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm campaign}: select a campaign's audience with a control group, and report its uplift. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Campaigns aimed at segments, measured against a randomised control group.",
        subcommands = {SelectCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class CampaignCommand {
}
