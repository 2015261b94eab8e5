package io.supplytwin.ingest.cli;

import io.supplytwin.ingest.IngestConfig;
import io.supplytwin.ingest.IngestService;
import io.supplytwin.platform.cli.StandaloneCommand;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.metrics.PlatformMetrics;
import io.supplytwin.platform.service.ShutdownStack;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twin ingest}: the MQTT → Kafka bridge on its own, against running servers. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Run the MQTT -> Kafka bridge alone, against a running Kafka, schema registry and MQTT broker",
                "(by default those of a 'twin run' on this machine). Run several with the same --group to share the load;",
                "give each its own ingest.client-id. Stops on Ctrl+C or SIGTERM after Kafka acknowledged what it took."},
        footer = {"", "Settings come from --config FILE, SUPPLYTWIN_* environment variables and --set, e.g.",
                "--set ingest.max-age=6h. Every setting: 'twin ingest --list-settings'."})
public final class IngestCommand extends StandaloneCommand {

    @Option(names = "--mqtt", paramLabel = "URI", description = "MQTT broker, tcp://host:1883 or ssl://host:8883 (mqtt.uri)")
    String mqtt;

    @Option(names = "--group", paramLabel = "NAME", description = "shared-subscription group (ingest.group)")
    String group;

    @Override
    protected List<Setting<?>> ownSettings() {
        return IngestConfig.SETTINGS;
    }

    @Override
    protected void addFlags(Map<String, String> flags) {
        flag(flags, PlatformConfig.MQTT_URI, mqtt);
        flag(flags, IngestConfig.GROUP, group);
    }

    @Override
    protected int run(Settings settings, PrintWriter out) throws Exception {
        PlatformConfig at = PlatformConfig.from(settings);
        ShutdownStack started = new ShutdownStack();
        PlatformMetrics metrics = started.push(new PlatformMetrics("ingest"));
        IngestService service = new IngestService(IngestConfig.from(settings), at.kafkaEndpoint(), at.registryEndpoint(), at.mqttEndpoint(), metrics);
        return runUntilStopped(service, started, out, "twin ingest: bridging " + at.mqttEndpoint() + " -> Kafka "
                + at.kafkaEndpoint() + " (registry " + at.registryEndpoint() + "). Press Ctrl+C to stop.");
    }
}
