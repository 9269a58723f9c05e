package io.crmkit.lifecycle.complaint;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
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
        checkArgument(previousHash.length() == 64 && previousHash.chars().allMatch(ComplaintEvent::isHexDigit),
                "previousHash '%s' must be 64 lower-case hexadecimal digits (a SHA-256)", abbreviate(previousHash));
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, "crmkit.complaint-event.v1");
            out.write(HEX.parseHex(previousHash));
            string(out, command.trigger().commandName());
            string(out, from.name());
            string(out, to.name());
            out.writeLong(command.at().getEpochSecond());
            out.writeInt(command.at().getNano());
            string(out, command.actor().id());
            string(out, command.actor().role().name());
            ComplaintIntake intake = command.intakeOrNull();
            out.writeBoolean(intake != null);
            if (intake != null) {
                string(out, intake.id());
                string(out, intake.customer().value());
                string(out, intake.channel().name());
                string(out, intake.category().name());
                string(out, intake.severity().name());
                string(out, intake.description());
                optional(out, intake.linkedTo().orElse(null));
            }
            optional(out, command.assigneeOrNull());
            out.writeInt(command.satisfactionOrZero());
            optional(out, command.rootCauseOrNull());
            optional(out, command.note().orElse(null));
            out.writeInt(externalGuards.size());
            for (String g : externalGuards) {
                string(out, g);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        MessageDigest md;
        try {
            md = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            md = sha256();
        }
        return md.digest(bytes.toByteArray());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
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
