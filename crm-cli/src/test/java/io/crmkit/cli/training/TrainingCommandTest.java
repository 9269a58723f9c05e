package io.crmkit.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.Crm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm training report} on the bundled sample and on small files checked by hand. */
class TrainingCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Crm.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    Path resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        }
    }

    @Test
    void theBundledSampleIsReported() throws IOException {
        Result r = crm("training", "report", "--courses", resource("training-courses.csv").toString(),
                "--enrolments", resource("training-enrolments.csv").toString(),
                "--attendance", resource("training-attendance.csv").toString(),
                "--evaluations", resource("training-evaluations.csv").toString(),
                "--outcomes", resource("training-outcomes.csv").toString(), "--as-of", "2026-11-29");
        System.out.println(r);
        assertEquals(0, r.exit(), r.err());
    }
}
