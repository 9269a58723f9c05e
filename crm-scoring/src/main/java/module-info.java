/**
 * crmkit scoring: tier ladders, RFM, 80/20 and ABC, the portfolio matrix, service quality, and
 * simple and probabilistic customer lifetime value.
 */
module io.crmkit.scoring {
    requires transitive io.crmkit.core;
    requires com.google.common;
    requires org.slf4j;
    requires static org.jspecify;
    requires static org.immutables.value.annotations;

    exports io.crmkit.scoring.clv;
    exports io.crmkit.scoring.tier;
    exports io.crmkit.scoring.rfm;
    exports io.crmkit.scoring.value;
    exports io.crmkit.scoring.satisfaction;
}
