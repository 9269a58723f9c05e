package io.crmkit.lifecycle.complaint;

/** How a complaint came in. */
public enum Channel {
    /** A telephone call. */
    PHONE,
    /** In person, at the showroom or office. */
    VISIT,
    /** E-mail. */
    EMAIL,
    /** A web form or app. */
    WEB,
    /** A letter. */
    LETTER,
    /** Social media or the press. */
    SOCIAL_MEDIA,
    /** Passed on by the manufacturer, a regulator or another third party. */
    THIRD_PARTY
}
