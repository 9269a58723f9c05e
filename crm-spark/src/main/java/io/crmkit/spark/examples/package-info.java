/**
 * Runnable examples of crm-spark: {@link io.crmkit.spark.examples.SparkScoring} scores a
 * transaction log end to end, from the IDE or with {@code spark-submit}.
 */
package io.crmkit.spark.examples;
