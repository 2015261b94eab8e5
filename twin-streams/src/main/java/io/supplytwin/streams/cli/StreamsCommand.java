package io.supplytwin.streams.cli;

import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.http.HealthEndpoint;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.http.Response;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.TwinStreamsService;
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

/** {@code twin streams}: the Kafka Streams twin on its own, against a running Kafka and schema registry. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams twin alone, against a running Kafka and schema registry (by default those of a",
                "'twin run' on this machine): twin states, health, alerts and credit, with interactive queries on",
                "--http-port (GET /api/twins/{id}, /api/enterprises/{id}/health, /api/enterprises/{id}/credit,",
                "/api/enterprises?page=&size=). Instances with the same streams.application-id share the work; give each",
                "its own --http-port and --state-dir. Stops on Ctrl+C or SIGTERM after committing."},
        footer = {"", "Settings come from --config FILE, SUPPLYTWIN_* environment variables and --set, e.g.",
                "--set streams.grace=15m. Every setting: 'twin streams --list-settings'."})
public final class StreamsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "properties file with settings")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set any setting (repeatable)")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers (kafka.bootstrap)")
    String kafka;

    @Option(names = "--registry", paramLabel = "URL", description = "schema registry URL (registry.url)")
    String registry;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port for queries, /health and /metrics (streams.http-port)")
    Integer httpPort;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "state store directory (streams.state-dir)")
    Path stateDir;

    @Option(names = "--list-settings", description = "print every setting with its default and exit")
    boolean listSettings;

    /** The platform settings (for the endpoints) and the twin's own. */
    public static List<Setting<?>> knownSettings() {
        List<Setting<?>> all = new ArrayList<>(PlatformConfig.SETTINGS);
        all.addAll(TwinStreamsConfig.SETTINGS);
        return all;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listSettings) {
            TwinStreamsConfig.SETTINGS.forEach(s -> out.printf(Locale.ROOT, "%-36s %-44s default %-22s %s%n", s.key(),
                    s.envName(), s.defaultValue(), s.description()));
            out.flush();
            return 0;
        }
        Map<String, String> flags = new LinkedHashMap<>(sets);
        flag(flags, PlatformConfig.KAFKA_BOOTSTRAP, kafka);
        flag(flags, PlatformConfig.REGISTRY_URL, registry);
        flag(flags, TwinStreamsConfig.HTTP_PORT, httpPort);
        flag(flags, TwinStreamsConfig.STATE_DIR, stateDir);
        Settings settings = Settings.load(knownSettings(), configFile, System.getenv(), flags);
        PlatformConfig platform = PlatformConfig.from(settings);
        String kafkaAt = platform.embeddedKafka() ? platform.host() + ":" + platform.kafkaPort() : platform.externalKafka();
        String registryAt = platform.embeddedRegistry() ? "http://" + platform.host() + ":" + platform.registryPort()
                : platform.externalRegistry();
        TwinStreamsConfig config = TwinStreamsConfig.from(settings);

        PlatformMetrics metrics = new PlatformMetrics("streams");
        HttpApi http = new HttpApi(platform.host(), settings.get(TwinStreamsConfig.HTTP_PORT), metrics.registry());
        HealthEndpoint health = new HealthEndpoint();
        health.install(http);
        http.get("/metrics", req -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        http.start();
        TwinStreamsService service = new TwinStreamsService(config, kafkaAt, registryAt, http, metrics);
        health.register(service.name(), service::ready);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            http.close();
            metrics.close();
            stopped.countDown();
        }, "streams-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.start();
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
            http.close();
            throw e;
        }
        health.markStarted();
        out.printf("twin streams: %s on Kafka %s (registry %s), queries on %s. Press Ctrl+C to stop.%n",
                config.applicationId(), kafkaAt, registryAt, http.url());
        out.flush();
        stopped.await();
        return 0;
    }

    private static void flag(Map<String, String> flags, Setting<?> setting, Object value) {
        if (value != null) {
            flags.put(setting.key(), value.toString());
        }
    }
}
