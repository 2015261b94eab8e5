package io.supplytwin.streams.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A compact binary format for the twin's own state-store and repartition values. These never leave the application
 * (changelogs and repartition topics are internal), so they skip Avro and the registry; the first byte is a format
 * version so a later release can still read what an earlier one stored.
 *
 * @param <T> the value type
 */
public final class StateCodec<T> {

    /** Writes a value's fields. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    /** Reads a value's fields, given the format version it was written with. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in, int version) throws IOException;
    }

    private final String name;
    private final int version;
    private final Writer<T> writer;
    private final Reader<T> reader;

    public StateCodec(String name, int version, Writer<T> writer, Reader<T> reader) {
        this.name = name;
        this.version = version;
        this.writer = writer;
        this.reader = reader;
    }

    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        Bytes bytes = new Bytes();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            writer.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public T decode(byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BytesIn(data))) {
            int stored = in.readUnsignedByte();
            if (stored > version) {
                throw new SerializationException(name + " was written in format " + stored + "; this release reads up to "
                        + version);
            }
            return reader.read(in, stored);
        } catch (IOException e) {
            throw new SerializationException("corrupt " + name + " value", e);
        }
    }

    public Serde<T> serde() {
        return Serdes.serdeFrom((topic, value) -> encode(value), (topic, data) -> decode(data));
    }

    /*
     * ByteArrayInput/OutputStream synchronise every call, and DataInput/OutputStream make one call per byte or
     * number: on the stream thread, which codes a twin twice per reading, that locking was a visible cost.
     */

    /** An unsynchronised byte sink. */
    private static final class Bytes extends OutputStream {
        private byte[] buf = new byte[512];
        private int count;

        @Override
        public void write(int b) {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }
    }

    /** An unsynchronised reader of a byte array. */
    private static final class BytesIn extends InputStream {
        private final byte[] buf;
        private int pos;

        BytesIn(byte[] buf) {
            this.buf = buf;
        }

        @Override
        public int read() {
            return pos < buf.length ? buf[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= buf.length) {
                return -1;
            }
            int n = Math.min(len, buf.length - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return buf.length - pos;
        }
    }

    /** Writes a string that may be null. */
    static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
