package io.supplytwin.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.supplytwin.app.cli.TwinCli;
import io.supplytwin.app.run.TwinApplication;
import io.supplytwin.platform.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The distributed deployment's files agree with the code: the compose file names only our image and public ones,
 * every SupplyTwin container's command and SUPPLYTWIN_* variables are ones the CLI accepts, and the Grafana
 * dashboards are importable and query only metrics docs/metrics.md documents.
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    static final String OUR_IMAGE = "supplytwin/twin:";
    static final Set<String> PUBLIC_IMAGES = Set.of("apache/kafka", "confluentinc/cp-schema-registry", "eclipse-mosquitto",
            "prom/prometheus", "grafana/grafana");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** The compose file with its YAML merge keys ({@code <<: *anchor}) resolved, as Compose itself reads it. */
    static JsonNode compose() throws Exception {
        Object tree = new org.yaml.snakeyaml.Yaml().load(Files.readString(COMPOSE));
        return JSON.valueToTree(tree);
    }

    @Test
    void composeNamesOnlyOurImageAndPublicOnes() throws Exception {
        JsonNode services = compose().get("services");
        assertThat(services.size()).isGreaterThanOrEqualTo(11);
        List<String> ours = new ArrayList<>();
        services.fields().forEachRemaining(e -> {
            String image = image(services, e.getKey());
            if (image.startsWith(OUR_IMAGE)) {
                ours.add(e.getKey());
            } else {
                assertThat(PUBLIC_IMAGES).as("image of " + e.getKey()).contains(image.substring(0, image.indexOf(':')));
            }
        });
        assertThat(ours).contains("app", "ingest", "streams-1", "streams-2", "ledger");
        assertThat(Files.readString(ROOT.resolve("twin-app/pom.xml"))).as("the image the build produces")
                .contains("<to><image>" + OUR_IMAGE + "${project.version}</image>");
    }

    @Test
    void threeKafkaBrokersFormOneQuorum() throws Exception {
        JsonNode services = compose().get("services");
        Set<String> nodeIds = new HashSet<>();
        for (String b : List.of("kafka-1", "kafka-2", "kafka-3")) {
            JsonNode env = services.get(b).get("environment");
            nodeIds.add(env.get("KAFKA_NODE_ID").asText());
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText()).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        }
        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void everySupplyTwinContainerRunsACommandTheCliAccepts() throws Exception {
        JsonNode services = compose().get("services");
        var it = services.fields();
        int checked = 0;
        while (it.hasNext()) {
            var e = it.next();
            if (!image(services, e.getKey()).startsWith(OUR_IMAGE)) {
                continue;
            }
            List<String> command = new ArrayList<>();
            e.getValue().get("command").forEach(n -> command.add(n.asText()));
            CommandLine cli = new CommandLine(new TwinCli());
            assertThatCode(() -> cli.parseArgs(command.toArray(String[]::new))).as(e.getKey() + " " + command).doesNotThrowAnyException();
            Map<String, String> env = new LinkedHashMap<>();
            e.getValue().get("environment").fields().forEachRemaining(v -> env.put(v.getKey(), v.getValue().asText()));
            // unknown SUPPLYTWIN_* variables or bad values would stop the container with exit code 2
            assertThatCode(() -> Settings.load(TwinApplication.SETTINGS, null, env, Map.of())).as(e.getKey()).doesNotThrowAnyException();
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void composeFileValidatesWithDockerCompose() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")), "docker-compose (Debian package) not installed");
        Process p = new ProcessBuilder("/usr/bin/docker-compose", "-f", COMPOSE.toString(), "config", "-q").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void grafanaDashboardsAreImportableAndQueryOnlyDocumentedMetrics() throws Exception {
        String datasourceUid = YAML.readTree(ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml").toFile())
                .get("datasources").get(0).get("uid").asText();
        String documented = Files.readString(ROOT.resolve("docs/metrics.md"));
        Set<String> uids = new HashSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("docker/grafana/dashboards"))) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        Set<String> undocumented = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b(supplytwin_[a-z_]+?)(_bucket|_count|_sum)?\\b");
        for (Path f : files) {
            JsonNode d = JSON.readTree(f.toFile());
            assertThat(d.path("uid").asText()).as(f + " uid").isNotBlank();
            assertThat(uids.add(d.get("uid").asText())).as("unique uid " + d.get("uid")).isTrue();
            assertThat(d.path("title").asText()).isNotBlank();
            assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : d.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt())).as("unique panel id in " + f).isTrue();
                assertThat(panel.get("type").asText()).isIn("timeseries", "stat", "gauge", "table", "bargauge");
                JsonNode pos = panel.get("gridPos");
                assertThat(pos.get("x").asInt() + pos.get("w").asInt()).as("panel inside 24 columns").isLessThanOrEqualTo(24);
                assertThat(pos.get("h").asInt()).isPositive();
                assertThat(panel.get("datasource").get("uid").asText()).isEqualTo(datasourceUid);
                assertThat(panel.get("targets")).isNotEmpty();
                for (JsonNode t : panel.get("targets")) {
                    assertThat(t.path("refId").asText()).isNotBlank();
                    String expr = t.path("expr").asText();
                    assertThat(expr).isNotBlank();
                    Matcher m = metric.matcher(expr);
                    while (m.find()) {
                        if (!documented.contains("`" + m.group(1) + "`")) {
                            undocumented.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(undocumented).as("metrics queried by dashboards but missing from docs/metrics.md").isEmpty();
    }

    private static String image(JsonNode services, String name) {
        JsonNode image = services.get(name).get("image");
        return image == null ? "" : image.asText();
    }
}
