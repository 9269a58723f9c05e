package io.crmkit.cli.format;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Watches the characters a CSV parser reads for a quote inside a cell that does not begin with
 * one ({@code C1,ab"c,5}). RFC 4180 allows a quote only in a quoted cell, doubled; Commons CSV
 * takes such a quote as text, so {@link CsvInput} asks this watcher, record by record, whether the
 * record holds one, and refuses it with the record's line and cell.
 *
 * <p>The watcher follows RFC 4180 as {@link CsvInput#FORMAT} reads it: a cell is quoted when its
 * first character after spaces is a quote; a line break outside quotes ends the record ({@code \r},
 * {@code \n} or {@code \r\n}, counted as the parser counts lines). It reads ahead of the parser, as
 * the parser's buffer does, and keeps only the first stray quote: the records before it are handed
 * on as usual, so an earlier bad value is still the one reported.
 */
final class StrayQuotes extends FilterReader {

    private static final int START = 0;
    private static final int PLAIN = 1;
    private static final int QUOTED = 2;
    /** A quote inside a quoted cell: the cell's end, or the first of a doubled quote. */
    private static final int QUOTE = 3;

    private final char delimiter;
    private int state = START;
    /** The 1-based line of the next character, within the text read. */
    private long line = 1;
    /** The line the current record starts on. */
    private long recordLine = 1;
    /** The 0-based cell of the current record. */
    private int cell;
    /** The last character was a carriage return (a following line feed ends the same line). */
    private boolean afterReturn;
    private long strayLine = -1;
    private int strayCell = -1;

    StrayQuotes(Reader in, char delimiter) {
        super(in);
        this.delimiter = delimiter;
    }

    /**
     * The cell holding the first stray quote, if the record starting on {@code recordLine} has it.
     *
     * @param recordLine the 1-based line, within the text read, where a record starts
     * @return the 0-based cell, or -1
     */
    int strayCell(long recordLine) {
        return recordLine == strayLine ? strayCell : -1;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            watch((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (strayLine < 0) {
            char d = delimiter;
            for (int i = offset, end = offset + Math.max(n, 0); i < end; i++) {
                char c = buffer[i];
                // most characters: inside a plain cell, neither a delimiter, a line break nor a quote
                if (state == PLAIN && c > '"' && c != d) {
                    continue;
                }
                watch(c);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a CSV parser does not skip characters");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void watch(char c) {
        if (afterReturn) {
            afterReturn = false;
            if (c == '\n') {
                return; // the line was counted at the carriage return
            }
        }
        boolean lineBreak = c == '\n' || c == '\r';
        if (lineBreak) {
            line++;
            afterReturn = c == '\r';
        }
        switch (state) {
            case QUOTED -> {
                if (c == '"') {
                    state = QUOTE;
                }
                return;
            }
            case QUOTE -> {
                if (c == '"') {
                    state = QUOTED;
                    return;
                }
                state = PLAIN; // the cell ended; anything but a delimiter or line break is the parser's error
            }
            default -> {
            }
        }
        if (c == delimiter) {
            cell++;
            state = START;
        } else if (lineBreak) {
            recordLine = line;
            cell = 0;
            state = START;
        } else if (c == '"') {
            if (state == START) {
                state = QUOTED;
            } else if (strayLine < 0) {
                strayLine = recordLine;
                strayCell = cell;
            }
        } else if (state == START && !Character.isWhitespace(c)) {
            state = PLAIN;
        }
    }
}
