package io.crmkit.scoring.satisfaction;

/**
 * The five dimensions of service quality in SERVQUAL (Parasuraman, Zeithaml and Berry, "SERVQUAL:
 * a multiple-item scale for measuring consumer perceptions of service quality", <i>Journal of
 * Retailing</i> 64(1), 1988), remembered as RATER.
 */
public enum RaterDimension {
    /** Ability to perform the promised service dependably and accurately. */
    RELIABILITY,
    /** Knowledge and courtesy of employees and their ability to inspire trust and confidence. */
    ASSURANCE,
    /** Physical facilities, equipment and appearance of personnel. */
    TANGIBLES,
    /** Caring, individualised attention the firm provides its customers. */
    EMPATHY,
    /** Willingness to help customers and provide prompt service. */
    RESPONSIVENESS
}
