package io.supplytwin.schemas.serde;

import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;

/**
 * A thread's reusable output for encoding one record at a time: an unsynchronised growable byte array
 * (ByteArrayOutputStream locks on every write) and the direct encoder writing into it, which keeps nothing back
 * between records.
 */
final class Buffer extends OutputStream {

    private static final int INITIAL = 4096;
    private static final int KEEP = 1 << 20;
    private byte[] buf = new byte[INITIAL];
    private int count;
    BinaryEncoder encoder;

    void start() {
        count = 0;
    }

    void writeHeader(int schemaId) {
        write(WireFormat.MAGIC_BYTE);
        write(schemaId >>> 24);
        write(schemaId >>> 16);
        write(schemaId >>> 8);
        write(schemaId);
    }

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

    byte[] bytes() {
        return Arrays.copyOf(buf, count);
    }

    /** After a record larger than a megabyte, no buffer of its size stays behind. */
    void release() {
        if (buf.length > KEEP) {
            buf = new byte[INITIAL];
        }
        count = 0;
    }
}
