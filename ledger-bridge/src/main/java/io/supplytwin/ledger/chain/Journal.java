package io.supplytwin.ledger.chain;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The append-only block file. Layout: an 8-byte magic, then per block {@code [int length][block bytes][32-byte
 * block hash]}. Each append is forced to disk before it returns (one fsync per block).
 */
public final class Journal implements AutoCloseable {

    public static final String FILE_NAME = "ledger.journal";
    static final byte[] MAGIC = "STLEDGR1".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_BLOCK_BYTES = 256 * 1024 * 1024;

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the journal for appending, creating it with its magic when absent. */
    public static Journal open(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        if (fresh) {
            ch.write(ByteBuffer.wrap(MAGIC), 0);
            ch.force(true);
        }
        ch.position(ch.size());
        return new Journal(ch);
    }

    public synchronized void append(Block block) throws IOException {
        byte[] body = block.encode();
        byte[] hash = block.header().hash();
        ByteBuffer buf = ByteBuffer.allocate(4 + body.length + hash.length);
        buf.putInt(body.length).put(body).put(hash).flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** Reads blocks one by one; every framing problem is a {@link JournalException} naming the block. */
    public static final class Reader implements AutoCloseable {
        private final FileChannel ch;
        private long offset;
        private long nextBlock;

        public Reader(Path file) throws IOException {
            this.ch = FileChannel.open(file, StandardOpenOption.READ);
            byte[] magic = new byte[MAGIC.length];
            if (ch.size() < MAGIC.length) {
                throw new JournalException(0, 0, "file is shorter than the journal header");
            }
            readFully(ByteBuffer.wrap(magic), 0);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new JournalException(0, 0, "not a SupplyTwin ledger journal (bad magic)");
            }
            offset = MAGIC.length;
        }

        /** The next block, or null at a clean end of file. */
        public Block next() throws IOException {
            long size = ch.size();
            if (offset == size) {
                return null;
            }
            long start = offset;
            if (size - offset < 4) {
                throw new JournalException(nextBlock, start, "truncated block length");
            }
            ByteBuffer len = ByteBuffer.allocate(4);
            readFully(len, offset);
            int n = len.flip().getInt();
            if (n <= 0 || n > MAX_BLOCK_BYTES || size - offset - 4 < (long) n + 32) {
                throw new JournalException(nextBlock, start, "block length " + n + " does not fit the file");
            }
            ByteBuffer body = ByteBuffer.allocate(n);
            readFully(body, offset + 4);
            ByteBuffer hash = ByteBuffer.allocate(32);
            readFully(hash, offset + 4 + n);
            Block block;
            try {
                block = Block.decode(body.array());
            } catch (Codec.MalformedException e) {
                throw new JournalException(nextBlock, start, "block does not decode: " + e.getMessage());
            }
            if (!Arrays.equals(block.header().hash(), hash.array())) {
                throw new JournalException(nextBlock, start, "stored block hash does not match the header");
            }
            offset += 4 + n + 32;
            nextBlock++;
            return block;
        }

        public long offset() {
            return offset;
        }

        private void readFully(ByteBuffer buf, long position) throws IOException {
            long pos = position;
            while (buf.hasRemaining()) {
                int r = ch.read(buf, pos);
                if (r < 0) {
                    throw new EOFException("unexpected end of journal");
                }
                pos += r;
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
