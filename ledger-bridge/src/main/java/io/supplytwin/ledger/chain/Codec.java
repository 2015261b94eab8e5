package io.supplytwin.ledger.chain;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ledger's binary encoding: big-endian numbers, length-prefixed byte strings, nullable values with a presence
 * byte. Deterministic, so the same transaction always hashes the same; the reader is strict, so damaged bytes fail.
 */
public final class Codec {

    private Codec() {
    }

    /** Writes values into one growing array (no stream layers: the committer encodes every transaction). */
    public static final class Writer {
        private byte[] buf;
        private int size;

        public Writer() {
            this(256);
        }

        /** @param expectedSize a good guess saves copying as the array grows */
        public Writer(int expectedSize) {
            this.buf = new byte[Math.max(16, expectedSize)];
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        public Writer bytes(byte[] b) {
            intValue(b.length);
            return raw(b);
        }

        public Writer raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        public Writer nullableBytes(byte[] b) {
            bool(b != null);
            return b == null ? this : bytes(b);
        }

        public Writer string(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        public Writer nullableString(String s) {
            bool(s != null);
            return s == null ? this : string(s);
        }

        public Writer longValue(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
            return this;
        }

        public Writer intValue(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
            return this;
        }

        public Writer bool(boolean v) {
            ensure(1);
            buf[size++] = (byte) (v ? 1 : 0);
            return this;
        }

        public int size() {
            return size;
        }

        public byte[] toBytes() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Reads values; any malformed input raises {@link MalformedException}. */
    public static final class Reader {
        private final ByteBuffer in;

        public Reader(byte[] b) {
            this.in = ByteBuffer.wrap(b);
        }

        public byte[] bytes() {
            int n = intValue();
            if (n < 0 || n > in.remaining()) {
                throw new MalformedException("length " + n + " exceeds the " + in.remaining() + " bytes left");
            }
            byte[] b = new byte[n];
            in.get(b);
            return b;
        }

        public byte[] raw(int n) {
            if (n > in.remaining()) {
                throw new MalformedException("needs " + n + " bytes, " + in.remaining() + " left");
            }
            byte[] b = new byte[n];
            in.get(b);
            return b;
        }

        public byte[] nullableBytes() {
            return bool() ? bytes() : null;
        }

        public String string() {
            byte[] b = bytes();
            if (ascii(b)) {
                return new String(b, StandardCharsets.ISO_8859_1); // the usual case, and valid UTF-8 as it is
            }
            var decoder = StandardCharsets.UTF_8.newDecoder();
            try {
                return decoder.decode(ByteBuffer.wrap(b)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new MalformedException("text is not UTF-8");
            }
        }

        private static boolean ascii(byte[] b) {
            for (byte x : b) {
                if (x < 0) {
                    return false;
                }
            }
            return true;
        }

        public String nullableString() {
            return bool() ? string() : null;
        }

        public long longValue() {
            try {
                return in.getLong();
            } catch (BufferUnderflowException e) {
                throw new MalformedException("truncated number");
            }
        }

        public int intValue() {
            try {
                return in.getInt();
            } catch (BufferUnderflowException e) {
                throw new MalformedException("truncated number");
            }
        }

        public boolean bool() {
            try {
                byte b = in.get();
                if (b != 0 && b != 1) {
                    throw new MalformedException("flag byte must be 0 or 1, got " + b);
                }
                return b == 1;
            } catch (BufferUnderflowException e) {
                throw new MalformedException("truncated flag");
            }
        }

        public int count(int max) {
            int n = intValue();
            if (n < 0 || n > max) {
                throw new MalformedException("count " + n + " out of range 0.." + max);
            }
            return n;
        }

        public void end() {
            if (in.hasRemaining()) {
                throw new MalformedException(in.remaining() + " unexpected trailing bytes");
            }
        }
    }

    /** Bytes that do not decode. */
    public static final class MalformedException extends RuntimeException {
        public MalformedException(String message) {
            super(message);
        }
    }
}
