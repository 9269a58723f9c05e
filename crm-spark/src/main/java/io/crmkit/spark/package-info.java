/**
 * crmkit on Apache Spark: customer summaries, RFM scores, ABC classes, lifetime-value model fits
 * and predictions over Spark {@code Dataset}s, with the numbers of the single-JVM library. Per
 * customer work runs on the executors through the single-JVM code itself; a model is fitted on the
 * driver from the distinct (x, t<sub>x</sub>, T) rows and their counts, merged from partial
 * results of every partition; predictions are the models' bulk {@code double[]} methods called
 * per partition on a broadcast model.
 */
package io.crmkit.spark;
