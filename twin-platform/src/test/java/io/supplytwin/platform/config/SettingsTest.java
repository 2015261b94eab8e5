package io.supplytwin.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    static final Setting<Integer> PORT = Setting.port("demo.port", 1000, "a port");
    static final Setting<String> NAME = Setting.string("demo.name", "dflt", "a name");
    static final Setting<Duration> WAIT = Setting.duration("demo.wait", Duration.ofSeconds(5), "a wait");
    static final List<Setting<?>> KNOWN = List.of(PORT, NAME, WAIT);

    @TempDir
    Path dir;

    @Test
    void laterSourcesOverrideEarlierOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("app.properties"), "demo.port=2000\ndemo.name=from-file\n");
        Settings s = Settings.load(KNOWN, file, Map.of("SUPPLYTWIN_DEMO_PORT", "3000", "PATH", "/bin"), Map.of("demo.name", "from-flag"));
        assertThat(s.get(PORT)).isEqualTo(3000);
        assertThat(s.get(NAME)).isEqualTo("from-flag");
        assertThat(s.get(WAIT)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void durationsAcceptUnitsAndIso() {
        assertThat(Settings.load(KNOWN, null, Map.of(), Map.of("demo.wait", "250ms")).get(WAIT)).isEqualTo(Duration.ofMillis(250));
        assertThat(Settings.load(KNOWN, null, Map.of(), Map.of("demo.wait", "2h")).get(WAIT)).isEqualTo(Duration.ofHours(2));
        assertThat(Settings.load(KNOWN, null, Map.of(), Map.of("demo.wait", "PT1M")).get(WAIT)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void unknownKeyInFileIsRejectedWithASuggestion() throws Exception {
        Path file = Files.writeString(dir.resolve("app.properties"), "demo.prot=2000\n");
        assertThatThrownBy(() -> Settings.load(KNOWN, file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'demo.prot'")
                .hasMessageContaining("did you mean 'demo.port'");
    }

    @Test
    void unknownPrefixedEnvironmentVariableIsRejected() {
        assertThatThrownBy(() -> Settings.load(KNOWN, null, Map.of("SUPPLYTWIN_DEMO_NAEM", "x"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SUPPLYTWIN_DEMO_NAEM");
    }

    @Test
    void badValueNamesKeyValueAndSource() {
        assertThatThrownBy(() -> Settings.load(KNOWN, null, Map.of("SUPPLYTWIN_DEMO_PORT", "70000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'70000'").hasMessageContaining("demo.port")
                .hasMessageContaining("SUPPLYTWIN_DEMO_PORT").hasMessageContaining("0..65535");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> Settings.load(KNOWN, dir.resolve("nope.properties"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.properties");
    }

    @Test
    void platformConfigDefaultsServeTheEmbeddedMode() {
        PlatformConfig c = PlatformConfig.from(Settings.defaults(PlatformConfig.SETTINGS));
        assertThat(c.embeddedKafka()).isTrue();
        assertThat(c.embeddedRegistry()).isTrue();
        assertThat(c.embeddedMqtt()).isTrue();
        assertThat(c.kafkaPort()).isEqualTo(9092);
        assertThat(c.dataDir()).isAbsolute();
    }

    @Test
    void envNameFollowsTheKey() {
        assertThat(PlatformConfig.KAFKA_CONTROLLER_PORT.envName()).isEqualTo("SUPPLYTWIN_KAFKA_CONTROLLER_PORT");
    }
}
