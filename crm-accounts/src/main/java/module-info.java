/**
 * crmkit accounts: key-account planning. Decision chains with roles, influence and attitude,
 * executive sponsors, relationship assessments, account plans with actions, expansion cards and
 * deals, and a review that checks the plan against the facts as of a date.
 */
module io.crmkit.accounts {
    requires transitive io.crmkit.core;
    requires com.google.common;
    requires org.slf4j;
    requires static org.jspecify;
    requires static org.immutables.value.annotations;

    exports io.crmkit.accounts;
}
