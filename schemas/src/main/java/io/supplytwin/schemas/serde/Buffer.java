package io.supplytwin.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;

/**
 * Each thread's reusable output for encoding one record at a time: an unsynchronised growable byte array
 * (ByteArrayOutputStream locks on every write) and a direct encoder into it, made once. A new buffered encoder per
 * record allocated its own 2 KB buffer, and the output grew from 128 bytes by copying. The direct encoder keeps nothing
 * back, so nothing is left in it between records.
 */
final class Buffer extends OutputStream {

    private static final int INITIAL = 4096;
    private static final int KEEP = 1 << 20;
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    private byte[] buf = new byte[INITIAL];
    private int count;
    private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(this, null);

    private Buffer() {
    }

    /** {@code header}, then the record as {@code writer} writes it, in this thread's buffer. */
    static byte[] encode(byte[] header, DatumWriter<Object> writer, Object record) throws IOException {
        Buffer b = BUFFER.get();
        b.count = 0;
        try {
            b.write(header, 0, header.length);
            writer.write(record, b.encoder);
            return Arrays.copyOf(b.buf, b.count);
        } finally {
            if (b.buf.length > KEEP) { // after a record larger than a megabyte, no buffer of its size stays behind
                b.buf = new byte[INITIAL];
            }
            b.count = 0;
        }
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
}
