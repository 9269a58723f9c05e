package io.crmkit.scoring.value;

/** The value classes of an ABC analysis by cumulative share of value (see {@link ParetoClassifier}). */
public enum AbcClass {
    /** The customers bringing the first share of value (80% by default): the few that matter most. */
    A,
    /** The customers bringing the next share (15% by default). */
    B,
    /** The rest (5% by default), and every customer who brings no value. */
    C
}
