/**
 * The customer life cycle (docs/domain.md §4): a
 * {@link io.crmkit.lifecycle.stage.LifecycleClassifier} places a customer's
 * {@link io.crmkit.lifecycle.stage.PurchaseHistory} in a
 * {@link io.crmkit.lifecycle.stage.LifecycleStage} (prospect, first-time, repeat, loyal, at risk,
 * lapsed, won back) and a product-style {@link io.crmkit.lifecycle.stage.LifecyclePhase}
 * (introduction, growth, maturity, decline) from the trend of spend, or classifies the compact
 * {@link io.crmkit.lifecycle.stage.VisitDays} (a customer's visit days alone, with the spend per
 * period for the phase) with the same result, for logs classified without an object per purchase;
 * interchangeable
 * {@link io.crmkit.lifecycle.stage.ChurnPolicy churn policies} (a fixed inactivity window, the
 * customer's own rhythm between visits — days with a purchase in the history's zone, read through
 * crm-core's {@link io.crmkit.core.purchase.PurchaseLog} — or a probability alive supplied by any
 * model) explain each decision; {@link io.crmkit.lifecycle.stage.LostCustomerAnalysis} counts lost
 * customers by cause, class and time, so the cause is fixed rather than the single customer
 * chased. Nullness: the package is {@code @NullMarked} (JSpecify), so no parameter, return value
 * or element is ever {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.lifecycle.stage;

import org.jspecify.annotations.NullMarked;
