package io.crmkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Runs {@code crm} in-process for the command tests, and writes their input files: one runner for
 * every command family, so that each test reads only what it asserts.
 */
public final class CliRun {

    private CliRun() {
    }

    /**
     * One run of {@code crm}.
     *
     * @param exit the exit status
     * @param out what went to standard output
     * @param err what went to standard error
     */
    public record Result(int exit, String out, String err) {

        /** @return standard output split into lines */
        public List<String> lines() {
            return out.lines().toList();
        }
    }

    /**
     * Runs {@code crm} with these arguments.
     *
     * @param args the command line after {@code crm}
     * @return the exit status and both streams
     */
    public static Result crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Crm.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * Writes a UTF-8 text file.
     *
     * @param dir the folder
     * @param name the file name
     * @param content the text
     * @return the file
     */
    public static Path file(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a bundled sample file ({@code data/NAME}, packaged under {@code io/crmkit/data/}) into a folder,
     * so that commands read it from a path as a user's file.
     *
     * @param dir the folder
     * @param name the sample's file name
     * @return the copy
     */
    public static Path bundled(Path dir, String name) {
        try (InputStream in = CliRun.class.getResourceAsStream("/io/crmkit/data/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled sample named " + name);
            }
            Path p = dir.resolve(name);
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
