package io.supplytwin.ledger.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The ledger's binary encoding: big-endian numbers, length-prefixed byte strings, nullable values with a presence
 * byte. Deterministic, so the same transaction always hashes the same; the reader is strict, so damaged bytes fail.
 */
public final class Codec {

    private Codec() {
    }

    /** Writes values. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer bytes(byte[] b) {
            try {
                out.writeInt(b.length);
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer raw(byte[] b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer intValue(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer bool(boolean v) {
            try {
                out.writeByte(v ? 1 : 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public byte[] toBytes() {
            return bytes.toByteArray();
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
            var decoder = StandardCharsets.UTF_8.newDecoder();
            try {
                return decoder.decode(ByteBuffer.wrap(b)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new MalformedException("text is not UTF-8");
            }
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
