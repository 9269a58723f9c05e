/**
 * Grading customers by value: {@link io.crmkit.scoring.value.ParetoClassifier} for the 80/20
 * share, ABC classes by cumulative share, the 20/60/20 keep / maintain / let-go rule and purchase
 * deciles; {@link io.crmkit.scoring.value.PortfolioMatrix} for star, cash cow, question mark and
 * dog. Nullness: the package is {@code @NullMarked} (JSpecify), so no parameter, return value or
 * element is ever {@code null}; an absent value is an empty {@link java.util.Optional}.
 */
@NullMarked
package io.crmkit.scoring.value;

import org.jspecify.annotations.NullMarked;
