/**
 * {@code crm satisfaction gaps|survey}: crm-scoring's SERVQUAL gaps
 * ({@link io.crmkit.scoring.satisfaction.ServiceQuality}) from a questionnaire and a ratings CSV,
 * and the internal survey reports ({@link io.crmkit.scoring.satisfaction.SurveyReport}) by day,
 * week, month, salesperson or question.
 */
package io.crmkit.cli.satisfaction;
