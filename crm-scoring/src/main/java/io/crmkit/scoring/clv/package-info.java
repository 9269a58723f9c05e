/**
 * Customer lifetime value: simple retention-based formulas and the probabilistic "buy till you
 * die" models (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma) fitted by maximum likelihood.
 */
package io.crmkit.scoring.clv;
