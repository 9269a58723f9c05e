package io.crmkit.examples.cli;

import java.io.PrintWriter;

/** One chapter of {@code crm tour}: a module's walk on bundled data. */
interface TourSection {

    /** @return the chapter title */
    String title();

    /**
     * Narrates the chapter.
     *
     * @param out where to write
     */
    void narrate(PrintWriter out);
}
