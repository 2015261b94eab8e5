package io.supplytwin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TempDirsTest {

    @Test
    void aTreeIsDeletedDeepestFirstAndAMissingOneIsNoError() throws Exception {
        Path dir = Files.createTempDirectory("tempdirs-test-");
        Files.createDirectories(dir.resolve("a/b/c"));
        Files.writeString(dir.resolve("a/b/c/file.log"), "x".repeat(10_000));
        Files.writeString(dir.resolve("top.txt"), "y");

        TempDirs.deleteQuietly(dir);

        assertThat(dir).doesNotExist();
        TempDirs.deleteQuietly(dir); // already gone
        TempDirs.deleteQuietly(null);
    }
}
