/**
 * crmkit marketing: campaign plans aimed at segments, suppression by consent, contact fatigue and
 * open complaints, seeded selection with a randomised control group, and the measured uplift.
 */
module io.crmkit.marketing {
    requires transitive io.crmkit.core;
    requires transitive io.crmkit.scoring;
    requires com.google.common;
    requires org.slf4j;
    requires static org.jspecify;

    exports io.crmkit.marketing;
}
