package io.supplytwin.ml.training;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over the numbers a model version was trained on, in order: same data, same hash. */
final class DataHash {
    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(8);

    DataHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    DataHash add(List<double[]> rows) {
        for (double[] row : rows) {
            for (double v : row) {
                buffer.clear();
                digest.update(buffer.putDouble(v).array());
            }
        }
        return this;
    }

    DataHash addLabels(List<Boolean> labels) {
        for (boolean b : labels) {
            digest.update((byte) (b ? 1 : 0));
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
