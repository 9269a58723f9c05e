/**
 * crmkit lifecycle: the complaint workflow (an immutable complaint with a replayable history,
 * guarded by roles and watched by SLA clocks on a business calendar), customer life-cycle stages
 * and churn policies, the care (contact) schedule of a dealer's manual, and customer training evaluated
 * on Kirkpatrick's four levels.
 */
module io.crmkit.lifecycle {
    requires transitive io.crmkit.core;
    requires com.google.common;
    requires org.slf4j;
    requires static org.jspecify;
    requires static org.immutables.value.annotations;

    exports io.crmkit.lifecycle.complaint;
    exports io.crmkit.lifecycle.sla;
    exports io.crmkit.lifecycle.stage;
    exports io.crmkit.lifecycle.care;
    exports io.crmkit.lifecycle.training;
}
