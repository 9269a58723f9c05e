/**
 * Purchases: who bought what, when, for how much, and who uses it
 * ({@link io.crmkit.core.purchase.Purchase}), and the {@link io.crmkit.core.purchase.PurchaseLog},
 * the one columnar form in which purchases feed RFM, lifetime-value summaries and the life-cycle
 * stages; it states once what a day is (the calendar date in the log's zone), that nothing after
 * the as-of instant counts, and the range of instants accepted (years 1 to 9999).
 */
@Value.Style(
        get = {"get*", "is*"},
        strictBuilder = true,
        jdkOnly = true,
        allowedClasspathAnnotations = {Override.class},
        defaults = @Value.Immutable(copy = true))
package io.crmkit.core.purchase;

import org.immutables.value.Value;
