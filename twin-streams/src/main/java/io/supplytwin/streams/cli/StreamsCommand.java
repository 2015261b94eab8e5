package io.supplytwin.streams.cli;

import io.supplytwin.platform.cli.StandaloneCommand;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.http.HealthEndpoint;
import io.supplytwin.platform.http.HttpApi;
import io.supplytwin.platform.http.Response;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.service.ShutdownStack;
import io.supplytwin.streams.TwinStreamsConfig;
import io.supplytwin.streams.TwinStreamsService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twin streams}: the Kafka Streams twin on its own, against a running Kafka and schema registry. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams twin alone, against a running Kafka and schema registry (by default those of a",
                "'twin run' on this machine): twin states, health, alerts and credit, with interactive queries on",
                "--http-port (GET /api/twins/{id}, /api/enterprises/{id}/health, /api/enterprises/{id}/credit,",
                "/api/enterprises?page=&size=). Instances with the same streams.application-id share the work; give each",
                "its own --http-port and --state-dir. Stops on Ctrl+C or SIGTERM after committing."},
        footer = {"", "Settings come from --config FILE, SUPPLYTWIN_* environment variables and --set, e.g.",
                "--set streams.grace=15m. Every setting: 'twin streams --list-settings'."})
public final class StreamsCommand extends StandaloneCommand {

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port for queries, /health and /metrics (streams.http-port)")
    Integer httpPort;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "state store directory (streams.state-dir)")
    Path stateDir;

    @Override
    protected List<Setting<?>> ownSettings() {
        return TwinStreamsConfig.SETTINGS;
    }

    @Override
    protected void addFlags(Map<String, String> flags) {
        flag(flags, TwinStreamsConfig.HTTP_PORT, httpPort);
        flag(flags, TwinStreamsConfig.STATE_DIR, stateDir);
    }

    @Override
    protected int run(Settings settings, PrintWriter out) throws Exception {
        PlatformConfig platform = PlatformConfig.from(settings);
        String kafkaAt = platform.kafkaEndpoint();
        String registryAt = platform.registryEndpoint();
        TwinStreamsConfig config = TwinStreamsConfig.from(settings);

        ShutdownStack started = new ShutdownStack();
        PlatformMetrics metrics = started.push(new PlatformMetrics("streams"));
        HttpApi http = new HttpApi(platform.host(), settings.get(TwinStreamsConfig.HTTP_PORT), metrics.registry());
        HealthEndpoint health = new HealthEndpoint();
        health.install(http);
        http.get("/metrics", req -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        http.start();
        started.push(http);
        TwinStreamsService service = new TwinStreamsService(config, kafkaAt, registryAt, http, metrics);
        health.register(service.name(), service::ready);
        health.markStarted();
        return runUntilStopped(service, started, out, "twin streams: " + config.applicationId() + " on Kafka " + kafkaAt
                + " (registry " + registryAt + "), queries on " + http.url() + ". Press Ctrl+C to stop.");
    }
}
