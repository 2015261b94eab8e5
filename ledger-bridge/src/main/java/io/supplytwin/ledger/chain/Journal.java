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
 * The append-only block file. Layout: a header, then per block {@code [int length][block bytes][32-byte block
 * hash]}. Each append is forced to disk before it returns (one fsync per block).
 *
 * <p>The header is the 8-byte magic {@code STLEDGRV} and a 4-byte format version ({@value #FORMAT_VERSION} today),
 * so a journal written in a later format is refused with its version named instead of failing somewhere in its
 * blocks. Journals written before the header had a version start with {@code STLEDGR1} and nothing else: they are
 * format 1 (the blocks are the same), are read as such and keep their header when appended to.
 */
public final class Journal implements AutoCloseable {

    public static final String FILE_NAME = "ledger.journal";
    /** The format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    static final byte[] MAGIC = "STLEDGRV".getBytes(StandardCharsets.US_ASCII);
    /** The header of format-1 journals written before the header carried a version. */
    static final byte[] UNVERSIONED_MAGIC = "STLEDGR1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = MAGIC.length + 4;
    static final int MAX_BLOCK_BYTES = 256 * 1024 * 1024;

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens the journal for appending, creating it with its header when absent. An existing journal's header is
     * checked first: nothing is ever appended to a journal of another format.
     */
    public static Journal open(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            try (Reader header = new Reader(file)) {
                // the constructor checked magic and version
            }
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        if (fresh) {
            ch.write(ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(FORMAT_VERSION).flip(), 0);
            ch.force(true);
        }
        ch.position(ch.size());
        return new Journal(ch);
    }

    public synchronized void append(Block block) throws IOException {
        byte[] body = block.encode();
        ByteBuffer[] frame = {ByteBuffer.allocate(4).putInt(0, body.length), ByteBuffer.wrap(body),
                ByteBuffer.wrap(block.header().hash())};
        while (frame[2].hasRemaining()) {
            channel.write(frame);
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
        private final int formatVersion;
        private long offset;
        private long nextBlock;

        /** Opens {@code file} and checks its header: throws {@link UnsupportedJournalFormatException} for another format. */
        public Reader(Path file) throws IOException {
            this.ch = FileChannel.open(file, StandardOpenOption.READ);
            try {
                byte[] magic = new byte[MAGIC.length];
                if (ch.size() < MAGIC.length) {
                    throw new JournalException(0, 0, "file is shorter than the journal header");
                }
                readFully(ByteBuffer.wrap(magic), 0);
                if (Arrays.equals(magic, UNVERSIONED_MAGIC)) {
                    formatVersion = 1;
                    offset = UNVERSIONED_MAGIC.length;
                } else if (Arrays.equals(magic, MAGIC)) {
                    if (ch.size() < HEADER_BYTES) {
                        throw new JournalException(0, MAGIC.length, "file ends inside the journal header (format version)");
                    }
                    ByteBuffer v = ByteBuffer.allocate(4);
                    readFully(v, MAGIC.length);
                    formatVersion = v.flip().getInt();
                    if (formatVersion != FORMAT_VERSION) {
                        throw new UnsupportedJournalFormatException(formatVersion, FORMAT_VERSION);
                    }
                    offset = HEADER_BYTES;
                } else {
                    throw new JournalException(0, 0, "not a SupplyTwin ledger journal (bad magic)");
                }
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }

        /** The format version the header names (1 for journals from before the header had a version). */
        public int formatVersion() {
            return formatVersion;
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
