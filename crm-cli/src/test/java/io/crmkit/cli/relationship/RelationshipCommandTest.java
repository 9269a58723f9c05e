package io.crmkit.cli.relationship;

import io.crmkit.cli.Crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationshipCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int crm(String... args) {
        return Crm.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void manyCustomersAtALowMarginPrintBothLevelsAndTheReason() {
        assertEquals(0, crm("relationship", "recommend", "--customers", "many", "--margin", "low"));
        assertEquals("BASIC or REACTIVE", outLines().get(0));
        assertEquals("reason: many customers, low margin: Kotler's table gives BASIC or REACTIVE", outLines().get(1));
        assertEquals("BASIC: sells the product and has no further contact; promised contacts: none", outLines().get(2));
        assertTrue(outLines().get(3).startsWith("REACTIVE: sells, and encourages the customer"), outLines().get(3));
        assertEquals("", err.toString());
    }

    @Test
    void fewCustomersAtAHighMarginArePartnersWithTheirPromisedContacts() {
        assertEquals(0, crm("relationship", "recommend", "--customers=FEW", "--margin=High"));
        assertEquals("PARTNERSHIP", outLines().get(0));
        assertTrue(outLines().get(2).endsWith("promised contacts: follow-up after each sale within 7 days, "
                + "regular contact every 30 days, joint work every 14 days"), outLines().get(2));
    }

    @Test
    void anUnknownValueExitsTwoWithOneLineListingTheAllowedValues() {
        assertEquals(2, crm("relationship", "recommend", "--customers", "lots", "--margin", "low"));
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).contains("'lots'") && lines.get(0).contains("[MANY, MEDIUM, FEW]"), lines.get(0));
        assertEquals("", out.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, crm("relationship", "recommend", "--customers", "few", "--margin", "huge"));
        assertTrue(err.toString().contains("[HIGH, MEDIUM, LOW]"), err.toString());
    }

    @Test
    void aMissingOptionExitsTwoAndNamesItsValues() {
        assertEquals(2, crm("relationship", "recommend", "--customers", "few"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--margin=high|medium|low"), err.toString());
    }
}
