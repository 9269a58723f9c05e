package io.crmkit.cli.format;

import io.crmkit.cli.OptionException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a command writes: checked before any work (each writable, none the same file as an input
 * or as another output), then each written whole or not at all (to a temporary file in the same
 * directory, moved into place), so that a failure never leaves a partial, empty or overwritten file.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream, closed by the caller
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks a command's files before its work: an output path equal to an input or to another
     * output is a usage error (exit 2); an output that cannot be written is refused (exit 1).
     *
     * @param inputs the input files by option, e.g. {@code --input}; null values are skipped
     * @param outputs the output files by option, e.g. {@code --output}; null values are skipped
     * @throws OptionException when two options name the same file
     * @throws InputException when an output cannot be written
     */
    public static void check(Map<String, Path> inputs, Map<String, Path> outputs) {
        Map<String, Path> seen = new LinkedHashMap<>();
        inputs.forEach((option, path) -> {
            if (path != null) {
                seen.put(option, path);
            }
        });
        List<Map.Entry<String, Path>> outs = new ArrayList<>();
        outputs.forEach((option, path) -> {
            if (path != null) {
                outs.add(Map.entry(option, path));
            }
        });
        for (Map.Entry<String, Path> out : outs) {
            for (Map.Entry<String, Path> other : seen.entrySet()) {
                if (same(out.getValue(), other.getValue())) {
                    throw new OptionException(out.getKey(), out.getValue(), "is the same file as " + other.getKey()
                            + "; write to another file");
                }
            }
            String why = FileProblem.writeProblem(out.getValue());
            if (why != null) {
                throw new InputException(out.getValue() + ": " + why);
            }
            seen.put(out.getKey(), out.getValue());
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes a file whole: the content goes to a temporary file in the target's directory, which then
     * replaces the target; on failure the temporary file is deleted and the target is untouched.
     *
     * @param target the file
     * @param content what to write
     * @throws InputException naming the file when it cannot be written
     */
    public static void write(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw FileProblem.writing(target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the refusal already names the file; a stray temporary file is all that is left
                }
            }
        }
    }
}
