package io.crmkit.cli.format;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The rows of a large CSV table written into one buffer: the same characters as
 * {@link Csv#printer} (Commons CSV's {@code CSVFormat.DEFAULT} with a bare {@code \n} ending each
 * record) at a fraction of its cost, for the commands whose output has a row per customer.
 *
 * <p>A text cell is quoted by Commons CSV's {@code QuoteMode.MINIMAL} rules, as its 1.12
 * {@code CSVFormat.printWithQuotes} applies them: an empty cell only when it is the first of its
 * row (an empty line would read as no row); a non-empty cell when its first character is at or
 * below {@code '#'} (space, control characters, {@code !}, {@code "}, {@code #}), when it holds a
 * comma, a double quote, a CR or an LF, or when its last character is at or below a space; inside
 * the quotes each double quote is doubled. Numbers are appended straight into the buffer, never
 * quoted (their text starts with a digit or {@code -} and ends with a digit): whole numbers as
 * {@link Long#toString(long)}, others as {@link Values#format(double)} gives them.
 * {@code CsvRowsPropertyTest} compares both with the printer on random cells and values.
 *
 * <p>The text goes to the destination in blocks of about 32 K characters when rows end, and
 * {@link #flush()} sends the rest. Not thread-safe: one writer per thread (for rows formatted on
 * every core, give each block its own {@link #into(StringBuilder)} writer, as
 * {@link OrderedBlocks} does).
 *
 * <pre>{@code
 * CsvRows rows = CsvRows.to(out);
 * rows.row("customer_id", "clv");
 * rows.text(id).number(clv).endRow();
 * rows.flush();
 * }</pre>
 */
public final class CsvRows {

    /** Characters held before a row end hands them to the destination. */
    private static final int BLOCK = 1 << 15;

    private final StringBuilder text;
    private final Appendable out;
    /** Whether the next cell is the first of its row. */
    private boolean first = true;

    private CsvRows(StringBuilder text, Appendable out) {
        this.text = text;
        this.out = out;
    }

    /**
     * A writer to {@code out}, in blocks.
     *
     * @param out where the text goes; flushed by {@link #flush()} if it is {@link Flushable}
     * @return the writer
     */
    public static CsvRows to(Appendable out) {
        return new CsvRows(new StringBuilder(BLOCK + 1024), Objects.requireNonNull(out, "out"));
    }

    /**
     * A writer that appends to {@code text} and nothing else, for a block of rows formatted on
     * its own thread; {@link #flush()} does nothing.
     *
     * @param text where the text goes
     * @return the writer
     */
    public static CsvRows into(StringBuilder text) {
        return new CsvRows(Objects.requireNonNull(text, "text"), null);
    }

    /**
     * A whole row of text cells, such as the header.
     *
     * @param cells the cells
     * @return this writer
     */
    public CsvRows row(CharSequence... cells) {
        for (CharSequence cell : cells) {
            text(cell);
        }
        return endRow();
    }

    /**
     * A text cell, quoted where the printer quotes it.
     *
     * @param cell the cell's text, not null
     * @return this writer
     */
    public CsvRows text(CharSequence cell) {
        separate();
        int length = cell.length();
        if (length == 0) {
            if (first) {
                text.append("\"\"");
            }
            first = false;
            return this;
        }
        first = false;
        if (!needsQuotes(cell, length)) {
            text.append(cell);
            return this;
        }
        text.append('"');
        for (int i = 0; i < length; i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                text.append('"');
            }
            text.append(c);
        }
        text.append('"');
        return this;
    }

    /** Commons CSV's MINIMAL rule for a non-empty cell. */
    private static boolean needsQuotes(CharSequence cell, int length) {
        if (cell.charAt(0) <= '#') {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return cell.charAt(length - 1) <= ' ';
    }

    /**
     * A whole number cell, as {@link Long#toString(long)}.
     *
     * @param value the number
     * @return this writer
     */
    public CsvRows integer(long value) {
        separate();
        first = false;
        text.append(value);
        return this;
    }

    /**
     * A number cell, as {@link Values#format(double)}: the shortest text that reads back as
     * exactly the value.
     *
     * @param value a finite value
     * @return this writer
     */
    public CsvRows number(double value) {
        separate();
        first = false;
        Values.format(value, text);
        return this;
    }

    /**
     * Ends the row with a line feed; hands the text on when a block is full.
     *
     * @return this writer
     * @throws UncheckedIOException if the destination fails
     */
    public CsvRows endRow() {
        text.append('\n');
        first = true;
        if (out != null && text.length() >= BLOCK) {
            send();
        }
        return this;
    }

    /**
     * Hands the text held on to the destination and flushes it.
     *
     * @throws UncheckedIOException if the destination fails
     */
    public void flush() {
        if (out == null) {
            return;
        }
        send();
        if (out instanceof Flushable f) {
            try {
                f.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void separate() {
        if (!first) {
            text.append(',');
        }
    }

    private void send() {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text.setLength(0);
    }
}
