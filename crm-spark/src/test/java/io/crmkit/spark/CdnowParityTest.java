package io.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.scoring.clv.TransactionModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spark against the single JVM on the bundled CDNOW log (1/10 sample of Fader, Hardie &amp; Lee
 * 2005: 2,357 customers, 6,919 purchases, 1997-01-01 to 1998-06-30), as of 1997-09-30, the end
 * of the calibration period of the paper — so that the purchases after the as-of date, two
 * thirds of the log, must be left out by both.
 */
class CdnowParityTest extends ParityCheck {

    @Test
    void theFitIsThePublishedOne() {
        // Fader, Hardie & Lee (2005), "Counting your customers the easy way", CDNOW calibration
        // period to 1997-09-30 in weeks: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
        TransactionModel m = crm.fitPurchases("bgnbd", crm.summarize(transactions, asOf(), WEEKS));
        assertEquals(0.243, m.parameters().get("r"), 5e-4);
        assertEquals(4.414, m.parameters().get("alpha"), 5e-4);
        assertEquals(0.793, m.parameters().get("a"), 5e-4);
        assertEquals(2.426, m.parameters().get("b"), 5e-4);
    }

    @Override
    List<String[]> rows() {
        try {
            return Files.readAllLines(Path.of("../data/cdnow-transactions.csv")).stream().skip(1)
                    .map(line -> line.split(",", -1)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    LocalDate asOf() {
        return LocalDate.of(1997, 9, 30);
    }
}
