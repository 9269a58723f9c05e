/**
 * Key-account planning after the key-account mind map summarised in docs/domain.md §8: an
 * {@link io.crmkit.accounts.AccountPlan} holds the customer's decision chain
 * ({@link io.crmkit.accounts.KeyPerson}), executive sponsor pairings, dated relationship
 * assessments on six dimensions, market targets, competitor profiles, actions, expansion cards and
 * deals through the project life cycle; {@link io.crmkit.accounts.AccountReview} checks the plan
 * as of a date and explains every {@link io.crmkit.accounts.Finding}; and
 * {@link io.crmkit.accounts.DecisionChainDiagram} draws the decision chain as Mermaid or Graphviz
 * text. Names of people are masked wherever a value is printed, by crm-core's
 * {@link io.crmkit.core.customer.PersonalData}. Nullness: the package is {@code @NullMarked}
 * (JSpecify), so no parameter, return value or element is ever {@code null}; an absent value is an
 * empty {@link java.util.Optional}.
 */
// Builders here are not strict: a plan is revised by copying it into a builder with from(...)
// and setting the fields that changed, the way planners edit a plan between reviews.
@NullMarked
@Value.Style(
        get = {"get*", "is*"},
        strictBuilder = false,
        jdkOnly = true,
        allowedClasspathAnnotations = {Override.class},
        defaults = @Value.Immutable(copy = true),
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true)
package io.crmkit.accounts;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
