/**
 * crmkit core: customers and their file, money, purchases, interactions, and Kotler's five
 * relationship levels with the relationships that hold them.
 */
module io.crmkit.core {
    requires com.google.common;
    requires org.slf4j;
    requires static org.jspecify;
    requires static org.immutables.value.annotations;

    exports io.crmkit.core.customer;
    exports io.crmkit.core.money;
    exports io.crmkit.core.purchase;
    exports io.crmkit.core.interaction;
    exports io.crmkit.core.relationship;
}
