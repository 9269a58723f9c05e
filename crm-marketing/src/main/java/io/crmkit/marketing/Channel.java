package io.crmkit.marketing;

/**
 * The channel a marketing contact travels through. Consent is given and withdrawn per channel, so a
 * customer may accept e-mail offers and refuse text messages.
 */
public enum Channel {
    /** E-mail. */
    EMAIL,
    /** Text message to a mobile phone. */
    SMS,
    /** An outbound telephone call. */
    PHONE,
    /** A letter or leaflet by post. */
    MAIL,
    /** A push message in the company's app or a messaging account (an online promotion). */
    PUSH;

    /**
     * Parses a channel name, ignoring case and surrounding blanks.
     *
     * @param text a name such as {@code "email"} or {@code "SMS"}
     * @return the channel
     * @throws IllegalArgumentException if the text names no channel
     */
    public static Channel parse(String text) {
        java.util.Objects.requireNonNull(text, "channel");
        for (Channel c : values()) {
            if (c.name().equalsIgnoreCase(text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("channel '" + text + "' is unknown: expected one of "
                + java.util.Arrays.toString(values()).toLowerCase(java.util.Locale.ROOT));
    }
}
