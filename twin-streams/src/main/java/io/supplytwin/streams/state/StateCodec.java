package io.supplytwin.streams.state;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

    /** Big-endian ints and longs in one store or load each (DataOutput's byte order, so the bytes are the same). */
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Writes a value's fields. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(T value, Out out) throws IOException;
    }

    /** Reads a value's fields, given the format version it was written with. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(In in, int version) throws IOException;
    }

    private static final ThreadLocal<Out> SCRATCH = ThreadLocal.withInitial(Out::new);
    private static final int SCRATCH_MAX = 256 * 1024;

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
        // one growing buffer per thread: a fresh 512-byte one grew three times for every entity twin (~2.5 KB)
        Out out = SCRATCH.get();
        if (out.inUse) {
            out = new Out(); // a writer encoding another value inside its own
        }
        out.inUse = true;
        out.count = 0;
        try {
            out.writeByte(version);
            writer.write(value, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.inUse = false;
            if (out.buf.length > SCRATCH_MAX) {
                out.buf = new byte[512]; // an outsized value: not kept for the thread's lifetime
            }
        }
    }

    public T decode(byte[] data) {
        if (data == null) {
            return null;
        }
        In in = new In(data);
        try {
            int stored = in.readUnsignedByte();
            if (stored > version) {
                throw new SerializationException(name + " was written in format " + stored + "; this release reads up to "
                        + version);
            }
            return reader.read(in, stored);
        } catch (SerializationException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // truncated, or a field out of range (an enum ordinal, a length)
            throw new SerializationException("corrupt " + name + " value", e);
        }
    }

    public Serde<T> serde() {
        return Serdes.serdeFrom((topic, value) -> encode(value), (topic, data) -> decode(data));
    }

    /*
     * The stream thread codes an entity twin twice per reading. DataOutputStream and DataInputStream make one virtual
     * call per byte (and ByteArray streams lock on each), which made coding the twin a fifth of the stream thread's
     * time; these write and read a byte array directly, in the same big-endian layout and modified UTF-8, so what
     * earlier releases stored reads unchanged.
     */

    /** An unsynchronised, growing big-endian writer in the layout of {@link java.io.DataOutput}. */
    public static final class Out {
        private byte[] buf = new byte[512];
        private int count;
        private boolean inUse;

        private void ensure(int n) {
            if (count + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + n));
            }
        }

        public void writeByte(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        public void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        public void writeShort(int v) {
            ensure(2);
            buf[count++] = (byte) (v >>> 8);
            buf[count++] = (byte) v;
        }

        public void writeInt(int v) {
            ensure(4);
            INT.set(buf, count, v);
            count += 4;
        }

        public void writeLong(long v) {
            ensure(8);
            LONG.set(buf, count, v);
            count += 8;
        }

        public void writeFloat(float v) {
            writeInt(Float.floatToIntBits(v));
        }

        public void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        /** An unsigned number in 7-bit groups, low group first (1 byte up to 127). */
        public void writeVarLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[count++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[count++] = (byte) v;
        }

        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        /** Modified UTF-8 with a two-byte length, as {@link java.io.DataOutput#writeUTF}. */
        public void writeUTF(String s) throws UTFDataFormatException {
            int n = s.length();
            int bytes = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                bytes += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
            }
            if (bytes > 65535) {
                throw new UTFDataFormatException("string of " + bytes + " bytes is too long to store");
            }
            writeShort(bytes);
            ensure(bytes);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x0001 && c <= 0x007F) {
                    buf[count++] = (byte) c;
                } else if (c <= 0x07FF) {
                    buf[count++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                    buf[count++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    buf[count++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                    buf[count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    buf[count++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }
    }

    /** A reader of what {@link Out} (or a {@link java.io.DataOutputStream}) wrote. */
    public static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        private void need(int n) throws EOFException {
            if (pos + n > buf.length) {
                throw new EOFException("value ends after " + buf.length + " bytes, " + (pos + n - buf.length) + " short");
            }
        }

        public int readUnsignedByte() throws EOFException {
            need(1);
            return buf[pos++] & 0xFF;
        }

        public boolean readBoolean() throws EOFException {
            return readUnsignedByte() != 0;
        }

        public int readUnsignedShort() throws EOFException {
            need(2);
            int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        public short readShort() throws EOFException {
            return (short) readUnsignedShort();
        }

        public int readInt() throws EOFException {
            need(4);
            int v = (int) INT.get(buf, pos);
            pos += 4;
            return v;
        }

        public long readLong() throws EOFException {
            need(8);
            long v = (long) LONG.get(buf, pos);
            pos += 8;
            return v;
        }

        public float readFloat() throws EOFException {
            return Float.intBitsToFloat(readInt());
        }

        public double readDouble() throws EOFException {
            return Double.longBitsToDouble(readLong());
        }

        public long readVarLong() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readUnsignedByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("variable-length number longer than 10 bytes");
        }

        public void readFully(byte[] b) throws EOFException {
            need(b.length);
            System.arraycopy(buf, pos, b, 0, b.length);
            pos += b.length;
        }

        /** What {@link Out#writeUTF} wrote. */
        public String readUTF() throws IOException {
            int bytes = readUnsignedShort();
            need(bytes);
            int end = pos + bytes;
            boolean ascii = true;
            for (int i = pos; i < end; i++) {
                if (buf[i] < 0x01) { // 0x80.. are negative; modified UTF-8 never writes 0x00
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                String s = new String(buf, pos, bytes, StandardCharsets.ISO_8859_1);
                pos = end;
                return s;
            }
            StringBuilder sb = new StringBuilder(bytes);
            while (pos < end) {
                int a = buf[pos++] & 0xFF;
                if (a < 0x80) {
                    sb.append((char) a);
                } else if ((a & 0xE0) == 0xC0 && pos < end) {
                    int b = buf[pos++] & 0xFF;
                    sb.append((char) (((a & 0x1F) << 6) | (b & 0x3F)));
                } else if ((a & 0xF0) == 0xE0 && pos + 1 < end) {
                    int b = buf[pos++] & 0xFF;
                    int c = buf[pos++] & 0xFF;
                    sb.append((char) (((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F)));
                } else {
                    throw new UTFDataFormatException("malformed modified UTF-8 at byte " + (pos - 1));
                }
            }
            return sb.toString();
        }
    }
}
