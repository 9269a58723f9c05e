package io.crmkit.cli.format;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file named on the command line cannot be read or written, in the user's words and with the
 * path as typed: {@code /tmp: is a directory}, {@code /nonexistent/dir/m.json: its directory does not
 * exist}, never the name of a Java exception. Every command opens and writes its files through
 * {@link CsvInput#utf8} and {@link OutputFiles}, which state their failures here.
 */
public final class FileProblem {

    private FileProblem() {
    }

    /**
     * The refusal of a file that could not be read.
     *
     * @param path the path as given
     * @param e the failure
     * @return the refusal, exit 1
     */
    public static InputException reading(Path path, IOException e) {
        return new InputException(path + ": " + readProblem(path, e));
    }

    /**
     * The refusal of a file that could not be written.
     *
     * @param path the path as given
     * @param e the failure
     * @return the refusal, exit 1
     */
    public static InputException writing(Path path, IOException e) {
        String why = writeProblem(path);
        return new InputException(path + ": " + (why != null ? why : "cannot be written: " + reason(e)));
    }

    /**
     * Why an output path cannot be written, found before any work is done.
     *
     * @param path the path as given
     * @return the reason, or {@code null} when the path looks writable
     */
    public static String writeProblem(Path path) {
        if (Files.isDirectory(path)) {
            return "is a directory";
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            return "its directory does not exist";
        }
        if (parent != null && !Files.isDirectory(parent)) {
            return "its directory is a file";
        }
        if (parent != null && !Files.isWritable(parent)) {
            return "its directory is not writable (permission denied)";
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            return "cannot be written (permission denied)";
        }
        return null;
    }

    private static String readProblem(Path path, IOException e) {
        if (Files.isDirectory(path)) {
            return "is a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot be read (permission denied)";
        }
        return "cannot be read: " + reason(e);
    }

    /** The operating system's reason, without the exception's class or the path repeated. */
    private static String reason(IOException e) {
        String why = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return why == null || why.isBlank() ? "input/output error" : why;
    }
}
