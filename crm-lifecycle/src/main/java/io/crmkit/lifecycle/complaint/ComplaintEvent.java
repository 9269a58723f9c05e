package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a complaint's append-only history: the command that was applied, the states
 * before and after, the external guards that passed (see {@link Guard#external}), and a link to
 * the previous event. Store these (e.g. one row each in your database) and
 * {@link Complaint#replay(Iterable)} rebuilds an equal complaint.
 *
 * <p><b>Hash chain.</b> Every event carries the {@link #previousHash()} of the event before it
 * ({@link #GENESIS} for the first) and its own {@link #hash()}: SHA-256 over a canonical binary
 * encoding of the event and the previous hash (format {@code crmkit.complaint-event.v1}: the
 * previous hash, the trigger's command name, the states, the instant as epoch second and nano,
 * the actor and role, every intake field, assignee, satisfaction, root cause, note and the
 * recorded external guards, each string as its UTF-8 length and bytes, each optional field after
 * a presence flag). Editing, reordering or removing any event changes every later hash, so a
 * stored history whose last hash (the complaint's {@link Complaint#headHash()}) is kept
 * elsewhere cannot be changed without notice: see {@link Complaint#replay(Iterable, String)}.
 * Events recorded by commands compute their hash when it is first asked for (by replay, a store
 * or {@link Complaint#headHash()}), so applying a command costs no digest; the value is the same
 * either way.
 */
public final class ComplaintEvent {

    /** The previous hash of a first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    /** Cloned for each digest: cheaper than looking the algorithm up in the providers every time. */
    private static final MessageDigest SHA_256 = sha256();

    private final ComplaintCommand command;
    private final ComplaintState from;
    private final ComplaintState to;
    private final List<String> externalGuards;
    /** The previous hash as given by a store, or null when {@link #previous} links the chain. */
    private final @Nullable String previousHash;
    /** The previous event of a recorded history, or null for a first or stored event. */
    private final @Nullable ComplaintEvent previous;
    /** This event's hash, computed on first use (a benign race: every thread computes the same value). */
    private volatile @Nullable String hash;

    private ComplaintEvent(ComplaintCommand command, ComplaintState from, ComplaintState to,
            List<String> externalGuards, @Nullable String previousHash, @Nullable ComplaintEvent previous) {
        this.command = command;
        this.from = from;
        this.to = to;
        this.externalGuards = externalGuards;
        this.previousHash = previousHash;
        this.previous = previous;
    }

    /**
     * Returns a first event (previous hash {@link #GENESIS}) without recorded external guards.
     *
     * @param command the command applied
     * @param from the state before
     * @param to the state after
     * @return the event
     */
    public static ComplaintEvent of(ComplaintCommand command, ComplaintState from, ComplaintState to) {
        return of(command, from, to, List.of(), GENESIS);
    }

    /**
     * Returns an event as stored: with the external guards it passed and the hash of the event
     * before it. A store rebuilds events with this factory and may compare {@link #hash()} with
     * the hash it stored.
     *
     * @param command the command applied
     * @param from the state before
     * @param to the state after
     * @param externalGuards the names of the external guards that passed, in the order checked
     * @param previousHash the previous event's {@link #hash()}, or {@link #GENESIS} for the first
     *        event: 64 lower-case hexadecimal digits
     * @return the event
     * @throws IllegalArgumentException if the previous hash is not 64 lower-case hexadecimal
     *         digits or a guard name is blank
     */
    public static ComplaintEvent of(ComplaintCommand command, ComplaintState from, ComplaintState to,
            List<String> externalGuards, String previousHash) {
        requireNonNull(command, "command");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(previousHash, "previousHash");
        if (!isSha256Hex(previousHash)) {
            throw new IllegalArgumentException("previousHash '" + abbreviate(previousHash)
                    + "' must be 64 lower-case hexadecimal digits (a SHA-256)");
        }
        ImmutableList<String> guards = ImmutableList.copyOf(requireNonNull(externalGuards, "externalGuards"));
        for (String g : guards) {
            checkArgument(!g.isBlank(), "externalGuards holds a blank guard name");
        }
        return new ComplaintEvent(command, from, to, guards, previousHash, null);
    }

    /** An event recorded by a command after {@code previous} (null for a receive), chained to it. */
    static ComplaintEvent recorded(ComplaintCommand command, ComplaintState from, ComplaintState to,
            List<String> externalGuards, @Nullable ComplaintEvent previous) {
        return new ComplaintEvent(command, from, to, ImmutableList.copyOf(externalGuards),
                previous == null ? GENESIS : null, previous);
    }

    private static boolean isSha256Hex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** @return the command applied (trigger, instant, actor and role, data, note) */
    public ComplaintCommand command() {
        return command;
    }

    /** @return the state before */
    public ComplaintState from() {
        return from;
    }

    /** @return the state after */
    public ComplaintState to() {
        return to;
    }

    /** @return the names of the external guards of the row that passed when the event was recorded */
    public List<String> externalGuards() {
        return externalGuards;
    }

    /** @return the previous event's hash, {@link #GENESIS} for a first event: 64 lower-case hex digits */
    public String previousHash() {
        return previousHash != null ? previousHash : previous.hash();
    }

    /** @return this event's SHA-256 over its canonical encoding and the previous hash: 64 lower-case hex digits */
    public String hash() {
        String h = hash;
        if (h != null) {
            return h;
        }
        if (previous == null || previous.hash != null) {
            // the usual case (a stored event, or the next of a hashed one): no walk back
            h = HEX.formatHex(digest(previousHash()));
            hash = h;
            return h;
        }
        // hash the not yet hashed events back to a known hash first, oldest first, without recursion
        Deque<ComplaintEvent> unhashed = new ArrayDeque<>();
        for (ComplaintEvent e = this; e != null && e.hash == null; e = e.previous) {
            unhashed.push(e);
        }
        while (!unhashed.isEmpty()) {
            ComplaintEvent e = unhashed.pop();
            e.hash = HEX.formatHex(e.digest(e.previousHash()));
        }
        return hash;
    }

    /** @return the trigger of the command */
    public ComplaintTrigger trigger() {
        return command.trigger();
    }

    /** @return when it happened */
    public Instant at() {
        return command.at();
    }

    /** @return who acted, in which role */
    public Actor actor() {
        return command.actor();
    }

    private byte[] digest(String previousHash) {
        Canonical out = new Canonical();
        out.string("crmkit.complaint-event.v1");
        out.hex(previousHash);
        out.string(command.trigger().commandName());
        out.string(from.name());
        out.string(to.name());
        out.writeLong(command.at().getEpochSecond());
        out.writeInt(command.at().getNano());
        out.string(command.actor().id());
        out.string(command.actor().role().name());
        ComplaintIntake intake = command.intakeOrNull();
        out.writeBoolean(intake != null);
        if (intake != null) {
            out.string(intake.id());
            out.string(intake.customer().value());
            out.string(intake.channel().name());
            out.string(intake.category().name());
            out.string(intake.severity().name());
            out.string(intake.description());
            out.optional(intake.linkedTo().orElse(null));
        }
        out.optional(command.assigneeOrNull());
        out.writeInt(command.satisfactionOrZero());
        out.optional(command.rootCauseOrNull());
        out.optional(command.note().orElse(null));
        out.writeInt(externalGuards.size());
        for (String g : externalGuards) {
            out.string(g);
        }
        MessageDigest md;
        try {
            md = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            md = sha256();
        }
        md.update(out.bytes, 0, out.size);
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * The canonical encoding, byte for byte what {@link java.io.DataOutputStream} writes (big-endian
     * numbers; a string as its UTF-8 length then its UTF-8 bytes; an optional string as a presence
     * flag then the string), into one growing array: an ASCII string is copied without encoding.
     */
    private static final class Canonical {
        byte[] bytes = new byte[256];
        int size;

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void writeBoolean(boolean b) {
            ensure(1);
            bytes[size++] = (byte) (b ? 1 : 0);
        }

        void writeInt(int v) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        void writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (v >>> shift);
            }
        }

        void string(String s) {
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (!ascii) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                writeInt(utf8.length);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, size, utf8.length);
                size += utf8.length;
                return;
            }
            writeInt(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        void optional(@Nullable String s) {
            writeBoolean(s != null);
            if (s != null) {
                string(s);
            }
        }

        /** Writes the 32 bytes a 64-digit lower-case hexadecimal hash stands for. */
        void hex(String hash) {
            ensure(32);
            for (int i = 0; i < 64; i += 2) {
                int high = Character.digit(hash.charAt(i), 16);
                int low = Character.digit(hash.charAt(i + 1), 16);
                bytes[size++] = (byte) (high << 4 | low);
            }
        }
    }

    /** Two events are equal when their commands, states, recorded guards and previous hashes are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ComplaintEvent e && command.equals(e.command) && from == e.from && to == e.to
                && externalGuards.equals(e.externalGuards) && previousHash().equals(e.previousHash());
    }

    /** Consistent with {@link #equals}; leaves the previous hash out so that it computes no digest. */
    @Override
    public int hashCode() {
        return Objects.hash(command, from, to, externalGuards);
    }

    /** Shows the event without the note's text (personal data). */
    @Override
    public String toString() {
        return from + " --" + command + "--> " + to;
    }
}
