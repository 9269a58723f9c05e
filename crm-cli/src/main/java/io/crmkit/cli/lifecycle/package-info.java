/**
 * {@code crm lifecycle stage|churn}: crm-lifecycle's stages, phases and churn policies over a
 * transaction log ({@code customer_id,date[,amount]}), each customer's decision written with its
 * reason; a probability-alive policy reads P(alive) from a CSV such as {@code crm clv predict}
 * writes.
 */
package io.crmkit.cli.lifecycle;
