package io.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringExampleTest {

    @Test
    void theScoringExampleReproducesThePublishedCdnowFits() {
        List<String> lines = run();
        assertEquals("6919 purchases of 2357 customers", lines.get(0));
        assertTrue(lines.get(1).startsWith("RFM segments as of 1998-06-30: {"), lines.get(1));
        // Fader, Hardie & Lee (2005), "Counting your customers the easy way", CDNOW calibration
        // to 1997-09-30 in weeks: r 0.243, alpha 4.414, a 0.793, b 2.426
        // (lifetimes 0.11.3: 0.242593, 4.413531, 0.792886, 2.425753); 1e-4 relative
        assertParameters(lines.get(2), "BG/NBD ", new String[] {"r", "alpha", "a", "b"},
                new double[] {0.242593, 4.413531, 0.792886, 2.425753}, 1e-4);
        // lifetimes 0.11.3 GammaGammaFitter on the repeat customers: p 6.248803, q 3.744588, v 15.447745;
        // 1e-3 relative: here the mean spends come from the raw transaction amounts, not from
        // lifetimes' summary file, and Gamma-Gamma's likelihood is flat along p, q and v together
        assertParameters(lines.get(3), "Gamma-Gamma ", new String[] {"p", "q", "v"},
                new double[] {6.248803, 3.744588, 15.447745}, 1e-3);
        assertEquals(7, lines.size());
        assertTrue(lines.get(4).matches("\\d+: \\d+ repeat purchases, P\\(alive\\) 0\\.\\d{3}, 12-month value \\d+\\.\\d{2}"),
                lines.get(4));
    }

    private static void assertParameters(String line, String prefix, String[] names, double[] expected, double relative) {
        assertTrue(line.startsWith(prefix), line);
        String[] parts = line.substring(prefix.length()).split(", ");
        assertEquals(names.length, parts.length, line);
        for (int i = 0; i < names.length; i++) {
            String[] nameValue = parts[i].split(" ");
            assertEquals(names[i], nameValue[0], line);
            assertEquals(expected[i], Double.parseDouble(nameValue[1]), expected[i] * relative, line);
        }
    }

    private static List<String> run() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ScoringExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
