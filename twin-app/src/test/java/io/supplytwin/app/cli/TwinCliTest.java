package io.supplytwin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract with scripts: help on every command, exit code 2 and one line for bad configuration. */
class TwinCliTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(TwinCli.execute("--help")).isZero();
        assertThat(stdout()).contains("Usage: twin").contains("run");
        assertThat(TwinCli.execute("run", "--help")).isZero();
        assertThat(stdout()).contains("--data-dir").contains("--config").contains("--set");
    }

    @Test
    void listSettingsShowsKeysVariablesAndDefaults() {
        assertThat(TwinCli.execute("run", "--list-settings")).isZero();
        assertThat(stdout()).contains("kafka.port").contains("SUPPLYTWIN_KAFKA_PORT").contains("9092");
    }

    @Test
    void unknownSettingIsExitCode2WithOneLine() {
        assertThat(TwinCli.execute("run", "--set", "kafka.prot=1", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(stderr().strip()).startsWith("twin: unknown config key 'kafka.prot'").contains("kafka.port");
        assertThat(stderr().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void unknownKeyInAConfigFileIsExitCode2() throws Exception {
        Path file = Files.writeString(dir.resolve("twin.properties"), "http.prot=1\n");
        assertThat(TwinCli.execute("run", "--config", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains("http.prot").contains(file.toString());
    }

    @Test
    void badValueIsExitCode2() {
        assertThat(TwinCli.execute("run", "--set", "mqtt.receive-maximum=0", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("mqtt.receive-maximum");
    }

    @Test
    void portInUseIsExitCode2NamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThat(TwinCli.execute("run", "--http-port", String.valueOf(port), "--data-dir", dir.toString())).isEqualTo(2);
            assertThat(stderr()).contains("HTTP port " + port).contains("already in use");
        }
    }

    @Test
    void unknownServiceNameIsExitCode2() {
        assertThat(TwinCli.execute("run", "--services", "ingest,bogus", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("unknown service 'bogus'").contains("streams");
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertThat(TwinCli.execute("run", "--no-such-flag")).isEqualTo(2);
        assertThat(stderr()).contains("--no-such-flag");
    }
}
