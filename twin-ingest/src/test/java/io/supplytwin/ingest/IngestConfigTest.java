package io.supplytwin.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.platform.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void defaultsSubscribeJsonAndSparkplugThroughTheSharedGroup() {
        IngestConfig c = IngestConfig.defaults();
        assertThat(c.sharedFilters()).containsExactly("$share/supplytwin-ingest/twin/v1/+/+/+/telemetry",
                "$share/supplytwin-ingest/spBv1.0/+/DDATA/+/+", "$share/supplytwin-ingest/spBv1.0/+/NDATA/+");
        assertThat(c.clientId()).startsWith("ingest-");
        assertThat(c.maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void environmentVariablesOverrideDefaults() {
        IngestConfig c = IngestConfig.from(Settings.load(IngestConfig.SETTINGS, null,
                Map.of("SUPPLYTWIN_INGEST_GROUP", "plant-a", "SUPPLYTWIN_INGEST_MAX_AGE", "2h", "SUPPLYTWIN_INGEST_MQTT_SPARKPLUG", "false"),
                Map.of()));
        assertThat(c.sharedFilters()).containsExactly("$share/plant-a/twin/v1/+/+/+/telemetry");
        assertThat(c.maxAge()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aConfigurationWithThePlatformsSettingsKeepsTheBridgesValues() {
        List<io.supplytwin.platform.config.Setting<?>> all = new java.util.ArrayList<>(io.supplytwin.platform.config.PlatformConfig.SETTINGS);
        all.addAll(IngestConfig.SETTINGS);
        IngestConfig c = IngestConfig.from(Settings.load(all, null, Map.of(), Map.of("ingest.group", "plant-b", "ingest.max-age", "3h")));
        assertThat(c.group()).isEqualTo("plant-b");
        assertThat(c.maxAge()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void badValuesStopTheStartWithTheKeyNamed() {
        assertThatThrownBy(() -> IngestConfig.with(Map.of("ingest.group", "a/b"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.group");
        assertThatThrownBy(() -> IngestConfig.with(Map.of("ingest.dedup-depth", "65"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.dedup-depth");
        assertThatThrownBy(() -> IngestConfig.with(Map.of("ingest.mqtt.topics", "", "ingest.mqtt.sparkplug", "no")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nothing to subscribe");
    }
}
