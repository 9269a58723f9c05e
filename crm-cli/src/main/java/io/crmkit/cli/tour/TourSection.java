package io.crmkit.cli.tour;

import java.io.PrintWriter;

/** One chapter of {@code crm tour}: a module's walk on bundled data. */
public interface TourSection {

    /** @return the chapter title */
    String title();

    /**
     * Narrates the chapter.
     *
     * @param out where to write
     */
    void narrate(PrintWriter out);
}
