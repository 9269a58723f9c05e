package io.crmkit.cli.campaign;

import java.time.Instant;
import picocli.CommandLine.ITypeConverter;

/** Reads an option's instant: a date (the start of that day in UTC) or an ISO-8601 instant. */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        return CampaignFiles.instant(value);
    }
}
