package io.supplytwin.platform.testkit;

import io.supplytwin.platform.EmbeddedPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

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
                    deleteQuietly(dir);
                }, "shared-platform-stop"));
                platform = started;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded platform for integration tests", e);
            }
        }
        return platform;
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
