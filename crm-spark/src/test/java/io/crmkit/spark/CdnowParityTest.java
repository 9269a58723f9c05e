package io.crmkit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Spark against the single JVM on the bundled CDNOW log (1/10 sample of Fader, Hardie &amp; Lee
 * 2005: 2,357 customers, 6,919 purchases, 1997-01-01 to 1998-06-30), as of 1997-09-30, the end
 * of the calibration period of the paper — so that the purchases after the as-of date, two
 * thirds of the log, must be left out by both.
 */
class CdnowParityTest extends ParityCheck {

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
