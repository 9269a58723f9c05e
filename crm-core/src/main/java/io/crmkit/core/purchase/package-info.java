/**
 * Purchases: who bought what, when, for how much, and who uses it
 * ({@link io.crmkit.core.purchase.Purchase}). Purchases feed RFM, value grading, lifetime value
 * and the life-cycle stages.
 */
@Value.Style(
        get = {"get*", "is*"},
        strictBuilder = true,
        jdkOnly = true,
        allowedClasspathAnnotations = {Override.class},
        defaults = @Value.Immutable(copy = true))
package io.crmkit.core.purchase;

import org.immutables.value.Value;
