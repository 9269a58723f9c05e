package io.crmkit.cli;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files named by options: a file that cannot be read or written is named by its path as given with
 * the reason in words; outputs are checked before the work and written whole, and an output that is
 * the same file as an input or another output is a usage error.
 */
class FileOptionsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void aDirectoryGivenAsInputIsNamedAsADirectory() {
        Result r = crm("rfm", "--input", dir.toString(), "--as-of", "2020-01-01");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm rfm: " + dir + ": is a directory" + NL, r.err());
    }

    @Test
    void anOutputInAMissingDirectoryIsRefusedBeforeTheFit() {
        Path summary = bundled(dir, "cdnow_customers_summary_with_transactions.csv");
        Path save = dir.resolve("nonexistent").resolve("dir").resolve("m.json");
        Result r = crm("clv", "fit", "--model", "bgnbd", "--input", summary.toString(), "--save", save.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm clv fit: " + save + ": its directory does not exist" + NL, r.err());
    }

    @Test
    void aPlotWhoseDataCannotBeWrittenLeavesNoPicture() {
        Path input = bundled(dir, "cdnow-transactions.csv");
        Path png = dir.resolve("x.png");
        Path data = dir.resolve("nonexistent").resolve("d.csv");
        Result r = crm("clv", "plot", "--kind", "p-alive", "--input", input.toString(), "--as-of", "1997-09-30",
                "--output", png.toString(), "--data", data.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("crm clv plot: " + data + ": its directory does not exist" + NL, r.err());
        assertFalse(Files.exists(png), "no picture before a failure");
    }

    @Test
    void anOutputThatIsAnInputOrAnotherOutputIsAUsageError() throws IOException {
        Path input = bundled(dir, "cdnow-transactions.csv");
        String before = Files.readString(input);
        Result sameAsInput = crm("clv", "plot", "--kind", "p-alive", "--input", input.toString(), "--as-of",
                "1997-09-30", "--output", dir.resolve("x.png").toString(), "--data", input.toString());
        assertEquals(2, sameAsInput.exit(), sameAsInput.err());
        assertEquals("crm clv plot: --data '" + input + "': is the same file as --input; write to another file" + NL,
                sameAsInput.err());
        Path png = dir.resolve("x.png");
        Result sameOutputs = crm("clv", "plot", "--kind", "p-alive", "--input", input.toString(), "--as-of",
                "1997-09-30", "--output", png.toString(), "--data", png.toString());
        assertEquals(2, sameOutputs.exit(), sameOutputs.err());
        assertEquals("crm clv plot: --data '" + png + "': is the same file as --output; write to another file" + NL,
                sameOutputs.err());
        Path summary = bundled(dir, "cdnow_customers_summary_with_transactions.csv");
        String summaryBefore = Files.readString(summary);
        Result fit = crm("clv", "fit", "--model", "bgnbd", "--input", summary.toString(), "--save",
                summary.toString());
        assertEquals(2, fit.exit(), fit.err());
        assertEquals("", fit.out());
        assertEquals(before, Files.readString(input));
        assertEquals(summaryBefore, Files.readString(summary));
        assertFalse(Files.exists(png));
    }

    @Test
    void aSavedModelReplacesTheOldFileWhole() throws IOException {
        Path summary = bundled(dir, "cdnow_customers_summary_with_transactions.csv");
        Path save = Files.writeString(dir.resolve("m.json"), "old");
        Result r = crm("clv", "fit", "--model", "bgnbd", "--input", summary.toString(), "--save", save.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(save).startsWith("{"), "the new model");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("cdnow_customers_summary_with_transactions.csv", "m.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }
}
