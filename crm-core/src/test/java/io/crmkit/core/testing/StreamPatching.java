package io.crmkit.core.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes values to Java serialisation streams and patches the bytes, as an attacker would. */
public final class StreamPatching {

    private StreamPatching() {
    }

    /**
     * @param value a serialisable value
     * @return its serialised bytes
     */
    public static byte[] write(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param stream serialised bytes
     * @return the value read back
     * @throws IOException if the stream is refused
     * @throws ClassNotFoundException if a class is unknown
     */
    public static Object read(byte[] stream) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
            return in.readObject();
        }
    }

    /**
     * Replaces the only occurrence of a byte sequence by another of the same length.
     *
     * @param stream the bytes
     * @param from what to find, exactly once
     * @param to the replacement, same length
     * @return the patched copy
     */
    public static byte[] patch(byte[] stream, byte[] from, byte[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("a patch keeps the length");
        }
        int at = -1;
        for (int i = 0; i + from.length <= stream.length; i++) {
            if (java.util.Arrays.equals(stream, i, i + from.length, from, 0, from.length)) {
                if (at >= 0) {
                    throw new IllegalArgumentException("the pattern occurs more than once");
                }
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("the pattern does not occur");
        }
        byte[] out = stream.clone();
        System.arraycopy(to, 0, out, at, to.length);
        return out;
    }

    /**
     * @param stream the bytes
     * @param from a string as written in the stream (modified UTF-8 equals UTF-8 for ASCII)
     * @param to its replacement, same length
     * @return the patched copy
     */
    public static byte[] patch(byte[] stream, String from, String to) {
        return patch(stream, from.getBytes(StandardCharsets.UTF_8), to.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param stream the bytes
     * @param from a double as written in the stream (8 bytes, big-endian)
     * @param to its replacement
     * @return the patched copy
     */
    public static byte[] patch(byte[] stream, double from, double to) {
        return patch(stream, ByteBuffer.allocate(8).putDouble(from).array(), ByteBuffer.allocate(8).putDouble(to).array());
    }

    /**
     * @param stream the bytes
     * @param from an int as written in the stream (4 bytes, big-endian)
     * @param to its replacement
     * @return the patched copy
     */
    public static byte[] patch(byte[] stream, int from, int to) {
        return patch(stream, ByteBuffer.allocate(4).putInt(from).array(), ByteBuffer.allocate(4).putInt(to).array());
    }
}
