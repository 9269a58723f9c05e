package io.crmkit.lifecycle.training;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The four levels on which Kirkpatrick evaluates training (D. L. Kirkpatrick, "Techniques for
 * evaluating training programs", Journal of the American Society of Training Directors 13(11),
 * 1959; D. L. and J. D. Kirkpatrick, <i>Evaluating Training Programs: The Four Levels</i>, 3rd ed.,
 * 2006).
 */
public enum KirkpatrickLevel {
    /** Level 1: how participants reacted — a survey after the session on a stated scale. */
    REACTION(1),
    /** Level 2: what they learned — test scores before and after. */
    LEARNING(2),
    /** Level 3: whether their behaviour changed — observations a stated delay after the course. */
    BEHAVIOUR(3),
    /** Level 4: the results the training targets — here complaints, repeat purchases, spend. */
    RESULTS(4);

    private final int number;

    KirkpatrickLevel(int number) {
        this.number = number;
    }

    /** @return the level's number, 1 to 4 */
    public int number() {
        return number;
    }

    /**
     * Returns the level with a number.
     *
     * @param number 1 to 4
     * @return the level
     * @throws IllegalArgumentException if the number is outside 1–4
     */
    public static KirkpatrickLevel of(int number) {
        checkArgument(number >= 1 && number <= 4,
                "Kirkpatrick level %s is outside 1-4: 1 reaction, 2 learning, 3 behaviour, 4 results", number);
        return values()[number - 1];
    }
}
