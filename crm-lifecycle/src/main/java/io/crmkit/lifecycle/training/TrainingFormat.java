package io.crmkit.lifecycle.training;

/** How a course is delivered. */
public enum TrainingFormat {
    /** In a classroom or training centre of ours. */
    CLASSROOM,
    /** At the customer's site, e.g. installation or product-use training next to the product. */
    ON_SITE,
    /** Live online sessions. */
    ONLINE,
    /** Some sessions in person, some online. */
    BLENDED
}
