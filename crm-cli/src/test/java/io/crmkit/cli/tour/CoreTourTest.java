package io.crmkit.cli.tour;

import io.crmkit.cli.Crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CoreTourTest {

    @Test
    void theTourShowsAMaskedFileItsHistoryTheTableAndAKeptAndAMissedPromise() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Crm.run(new PrintWriter(out), new PrintWriter(err), "tour"));
        String tour = out.toString();
        assertTrue(tour.contains("crm-core: the customer file"), tour);
        assertTrue(tour.contains("MOBILE 138****5678"), tour);
        assertTrue(tour.contains("v2 agent-9 mobile: 138****5678 -> 139****1111"), tour);
        assertTrue(tour.contains("  many               ACCOUNTABLE   REACTIVE      BASIC or REACTIVE"), tour);
        assertTrue(tour.contains("kept:   follow-up after each sale within 7 days at ACCOUNTABLE, due 2026-01-17T10:00:00Z"), tour);
        assertTrue(tour.contains("missed: follow-up after each sale within 7 days at ACCOUNTABLE, due 2026-02-08T15:00:00Z"), tour);
        assertTrue(tour.contains("out of zone: true"), tour);
        for (String secret : new String[] {"13812345678", "13900001111", "110105199003071234", "zhang.wei@example.com",
            "建国路", "张伟"}) {
            assertFalse(tour.contains(secret), secret);
        }
        assertEquals("", err.toString());
    }
}
