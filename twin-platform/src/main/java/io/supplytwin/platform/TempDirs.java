package io.supplytwin.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary working directories of benchmarks, simulations and tests. */
public final class TempDirs {

    private TempDirs() {
    }

    /**
     * Deletes a directory and everything under it, deepest first. What cannot be deleted (a file another process still
     * holds, a directory that vanished while it was walked) is left behind: a temporary directory left over is harmless,
     * a failed cleanup must not hide the result it follows.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left behind
        }
    }
}
