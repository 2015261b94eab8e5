package io.supplytwin.app.cli;

import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command shares: a properties file, {@code --set key=value} for any setting, and shortcuts for the
 * settings people change most. Precedence: defaults &lt; file &lt; SUPPLYTWIN_* environment &lt; flags.
 */
public class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "properties file with settings (keys as in --set)")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set any setting, e.g. --set kafka.port=19092 (repeatable)")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (data.dir); kept across restarts")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (http.port)")
    Integer httpPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "embedded Kafka port (kafka.port)")
    Integer kafkaPort;

    @Option(names = "--mqtt-port", paramLabel = "PORT", description = "embedded MQTT port (mqtt.port)")
    Integer mqttPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "embedded schema registry port (registry.port)")
    Integer registryPort;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "use an external Kafka cluster (kafka.bootstrap)")
    String kafka;

    @Option(names = "--registry", paramLabel = "URL", description = "use an external schema registry (registry.url)")
    String registry;

    @Option(names = "--mqtt", paramLabel = "URI", description = "use an external MQTT broker (mqtt.uri)")
    String mqtt;

    public Settings load(Collection<Setting<?>> known) {
        Map<String, String> flags = new LinkedHashMap<>(sets);
        put(flags, "data.dir", dataDir);
        put(flags, "http.port", httpPort);
        put(flags, "kafka.port", kafkaPort);
        put(flags, "mqtt.port", mqttPort);
        put(flags, "registry.port", registryPort);
        put(flags, "kafka.bootstrap", kafka);
        put(flags, "registry.url", registry);
        put(flags, "mqtt.uri", mqtt);
        return Settings.load(known, configFile, System.getenv(), flags);
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }
}
