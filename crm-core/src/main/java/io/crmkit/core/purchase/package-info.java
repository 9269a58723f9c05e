/**
 * Purchases: who bought what, when, for how much, and who uses it
 * ({@link io.crmkit.core.purchase.Purchase}), and the {@link io.crmkit.core.purchase.PurchaseLog},
 * the one columnar form in which purchases feed RFM, lifetime-value summaries and the life-cycle
 * stages; it states once what a day is (the calendar date in the log's zone), that nothing after
 * the as-of instant counts, and the range of instants accepted (years 1 to 9999). Nullness: the
 * package is {@code @NullMarked} (JSpecify), so no parameter, return value or element is ever
 * {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
@Value.Style(
        get = {"get*", "is*"},
        strictBuilder = true,
        jdkOnly = true,
        allowedClasspathAnnotations = {Override.class},
        defaults = @Value.Immutable(copy = true),
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true)
package io.crmkit.core.purchase;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
