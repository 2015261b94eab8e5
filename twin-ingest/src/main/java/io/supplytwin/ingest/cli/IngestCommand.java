package io.supplytwin.ingest.cli;

import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.IngestEndpoints;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.metrics.PlatformMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twin ingest}: the MQTT → Kafka bridge on its own, against running servers. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the MQTT -> Kafka bridge alone, against a running Kafka, schema registry and MQTT broker",
                "(by default those of a 'twin run' on this machine). Run several with the same --group to share the load;",
                "give each its own ingest.client-id. Stops on Ctrl+C or SIGTERM after Kafka acknowledged what it took."},
        footer = {"", "Settings come from --config FILE, SUPPLYTWIN_* environment variables and --set, e.g.",
                "--set ingest.max-age=6h. Every setting: 'twin ingest --list-settings'."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "properties file with settings")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set any setting (repeatable)")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--mqtt", paramLabel = "URI", description = "MQTT broker, tcp://host:1883 or ssl://host:8883 (mqtt.uri)")
    String mqtt;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers (kafka.bootstrap)")
    String kafka;

    @Option(names = "--registry", paramLabel = "URL", description = "schema registry URL (registry.url)")
    String registry;

    @Option(names = "--group", paramLabel = "NAME", description = "shared-subscription group (ingest.group)")
    String group;

    @Option(names = "--list-settings", description = "print every setting with its default and exit")
    boolean listSettings;

    /** The platform settings (for the endpoints and the SUPPLYTWIN_* variables a shared environment sets) and the bridge's own. */
    public static List<Setting<?>> knownSettings() {
        List<Setting<?>> all = new ArrayList<>(PlatformConfig.SETTINGS);
        all.addAll(IngestConfig.SETTINGS);
        return all;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listSettings) {
            IngestConfig.SETTINGS.forEach(s -> out.printf(Locale.ROOT, "%-32s %-40s default %-24s %s%n", s.key(), s.envName(),
                    s.defaultValue(), s.description()));
            out.flush();
            return 0;
        }
        Map<String, String> flags = new LinkedHashMap<>(sets);
        flag(flags, PlatformConfig.MQTT_URI, mqtt);
        flag(flags, PlatformConfig.KAFKA_BOOTSTRAP, kafka);
        flag(flags, PlatformConfig.REGISTRY_URL, registry);
        flag(flags, IngestConfig.GROUP, group);
        Settings settings = Settings.load(knownSettings(), configFile, System.getenv(), flags);
        IngestEndpoints at = IngestEndpoints.from(settings);
        PlatformMetrics metrics = new PlatformMetrics("ingest");
        IngestService service = new IngestService(IngestConfig.from(settings), at.kafka(), at.registry(), at.mqtt(), metrics);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            metrics.close();
            stopped.countDown();
        }, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.start();
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
            throw e;
        }
        out.printf("twin ingest: bridging %s -> Kafka %s (registry %s). Press Ctrl+C to stop.%n", at.mqtt(), at.kafka(), at.registry());
        out.flush();
        stopped.await();
        return 0;
    }

    private static void flag(Map<String, String> flags, Setting<?> setting, String value) {
        if (value != null) {
            flags.put(setting.key(), value);
        }
    }
}
