package io.crmkit.cli.care;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The instants and enum words of the care files. */
final class Moments {

    private Moments() {
    }

    /**
     * Reads an instant: an ISO date (the start of the day in the zone), a local date-time in the
     * zone, or a date-time with an offset (the time may follow the date after a space instead of {@code T}) ({@code Z} or {@code +08:00}).
     * A local date-time inside a daylight-saving gap of the zone is refused; one inside an overlap
     * is taken at the earlier offset ({@link io.crmkit.cli.format.Values#instant}).
     *
     * @param text the text
     * @param zone the zone of dates and local date-times
     * @return the instant
     * @throws IllegalArgumentException with the rule the value breaks otherwise
     */
    static Instant instant(String text, ZoneId zone) {
        // the reader's one date grammar and its rules, worded as in every other file
        return io.crmkit.cli.format.Values.instant(text, zone);
    }

    /**
     * An instant as the output writes it: the local date-time in the zone with its offset.
     *
     * @param at the instant
     * @param zone the zone
     * @return e.g. {@code 2026-03-15T10:30+08:00}
     */
    static String format(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }

    /**
     * Reads an enum constant written in lower case, with {@code _} or {@code -} between words.
     *
     * @param type the enum
     * @param text the text
     * @param <E> the enum
     * @return the constant
     * @throws IllegalArgumentException listing the words otherwise
     */
    static <E extends Enum<E>> E word(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not one of " + words(type), e);
        }
    }

    /**
     * The words of an enum, as the files write them.
     *
     * @param type the enum
     * @return e.g. {@code inbound, outbound}
     */
    static String words(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Moments::word).collect(Collectors.joining(", "));
    }

    /**
     * An enum constant as the output writes it.
     *
     * @param e the constant
     * @return lower case, e.g. {@code delivery_booked}
     */
    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
