package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {

    @TempDir
    Path dir;

    private Path cdnow() throws IOException {
        Path target = dir.resolve("cdnow-transactions.csv");
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/cdnow-transactions.csv")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Plots a kind to PNG with its data; checks the picture and returns the data lines. */
    private List<String> plot(String kind, String... dates) throws IOException {
        Path png = dir.resolve(kind + ".png");
        Path csv = dir.resolve(kind + ".csv");
        String[] base = {"clv", "plot", "--kind", kind, "--input", cdnow().toString(), "--output", png.toString(),
                "--data", csv.toString()};
        String[] args = new String[base.length + dates.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(dates, 0, args, base.length, dates.length);
        Result run = crm(args);
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.size(png) > 10_000 && Files.size(png) < 2_000_000, kind + ": " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, kind + " decodes");
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        return Files.readAllLines(csv, StandardCharsets.UTF_8);
    }

    @Test
    void calibrationPlotsTheEvaluationsTable() throws IOException {
        List<String> data = plot("calibration", "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30");
        assertEquals("frequency,customers,actual,predicted", data.get(0));
        assertEquals(8, data.size());
        // 1,411 one-time buyers made 334 repeat purchase days in the holdout (lifetimes' definitions)
        assertTrue(data.get(1).startsWith("0,1411,0.236711552"), data.get(1));
    }

    @Test
    void trackingEndsAtTheCountsOfBothPeriods() throws IOException {
        List<String> data = plot("tracking", "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30");
        assertEquals("week,end,actual,expected", data.get(0));
        assertEquals(79, data.size());
        assertTrue(data.get(39).startsWith("39,1997-09-30,2457,"), data.get(39));
        assertTrue(data.get(78).startsWith("78,1998-06-30,4339,"), data.get(78));
    }

    @Test
    void periodTransactionsCountCustomersByRepeatPurchases() throws IOException {
        List<String> data = plot("period-transactions", "--as-of", "1997-09-30");
        assertEquals("repeat_purchases,actual,expected", data.get(0));
        // FHL 2005, Figure 1 (actual): 1,411, 439, 214, 100, 62, 38, 29 and 64 with seven or more
        String[] actual = {"0,1411", "1,439", "2,214", "3,100", "4,62", "5,38", "6,29", "7+,64"};
        for (int i = 0; i < actual.length; i++) {
            assertTrue(data.get(i + 1).startsWith(actual[i] + ","), data.get(i + 1));
        }
    }

    @Test
    void matricesCoverEveryFrequencyAndRecency() throws IOException {
        List<String> alive = plot("p-alive", "--as-of", "1997-09-30");
        assertEquals("frequency,recency,p_alive", alive.get(0));
        assertEquals("0,0,1", alive.get(1));
        List<String> expected = plot("frequency-recency", "--as-of", "1997-09-30");
        assertEquals("frequency,recency,expected_purchases", expected.get(0));
        // CDNOW as of 1997-09-30 in weeks: frequencies 0..29, recency 0..38 (T at most 38.86)
        assertEquals(1 + 30 * 39, expected.size());
    }

    @Test
    void svgAndUsageErrors() throws IOException {
        Path svg = dir.resolve("t.svg");
        Result run = crm("clv", "plot", "--kind", "period-transactions", "--input", cdnow().toString(), "--as-of",
                "1997-09-30", "--output", svg.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.readString(svg).contains("<svg"));
        Result gif = crm("clv", "plot", "--kind", "p-alive", "--input", cdnow().toString(), "--as-of", "1997-09-30",
                "--output", dir.resolve("x.gif").toString());
        assertEquals(2, gif.exit());
        assertTrue(gif.err().contains("must be a .png or .svg file"), gif.err());
        Result dates = crm("clv", "plot", "--kind", "tracking", "--input", cdnow().toString(), "--output",
                dir.resolve("x.png").toString());
        assertEquals(2, dates.exit());
        assertTrue(dates.err().contains("--kind tracking needs --calibration-end and --holdout-end"), dates.err());
        Result kind = crm("clv", "plot", "--kind", "pie", "--input", cdnow().toString(), "--output",
                dir.resolve("x.png").toString());
        assertEquals(2, kind.exit());
        assertTrue(kind.err().contains("unknown kind 'pie'"), kind.err());
    }
}
