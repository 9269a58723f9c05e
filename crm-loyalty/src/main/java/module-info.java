/**
 * crmkit loyalty: a points programme's rules, an append-only points ledger held in lots, expiry,
 * redemption, refunds, tier qualification, statements, liability and breakage.
 */
module io.crmkit.loyalty {
    requires transitive io.crmkit.core;
    requires transitive io.crmkit.scoring;
    requires com.google.common;
    requires org.slf4j;
    requires static org.jspecify;

    exports io.crmkit.loyalty;
}
