package io.supplytwin.platform.testkit;

import io.supplytwin.platform.EmbeddedPlatform;
import io.supplytwin.platform.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded platform (Kafka, schema registry, MQTT, topics) per test JVM, on free ports and a temporary
 * data directory, started on first use and stopped when the JVM exits. Integration tests of every module get it
 * through {@link PlatformExtension}; each test uses its own group ids, subjects and entity ids so tests don't collide.
 */
public final class SharedPlatform {

    private static EmbeddedPlatform platform;

    private SharedPlatform() {
    }

    public static synchronized EmbeddedPlatform get() {
        if (platform == null) {
            try {
                Path dir = Files.createTempDirectory("supplytwin-it-");
                EmbeddedPlatform started = EmbeddedPlatform.onFreePorts(dir, java.util.Map.of()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    TempDirs.deleteQuietly(dir);
                }, "shared-platform-stop"));
                platform = started;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded platform for integration tests", e);
            }
        }
        return platform;
    }
}
