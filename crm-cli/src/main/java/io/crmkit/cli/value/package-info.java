/**
 * {@code crm value abc|pareto|deciles|portfolio}: the value grading of crm-scoring's
 * {@link io.crmkit.scoring.value.ParetoClassifier} and
 * {@link io.crmkit.scoring.value.PortfolioMatrix} over a CSV of one value per customer
 * ({@code customer_id,value}, and {@code previous_value} for decile trends and the matrix),
 * written as CSV in rank order with a one-line summary on standard error.
 */
package io.crmkit.cli.value;
