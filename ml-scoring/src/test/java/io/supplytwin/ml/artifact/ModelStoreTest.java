package io.supplytwin.ml.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplytwin.ml.scoring.Scorer;
import io.supplytwin.ml.training.ModelTraining;
import io.supplytwin.ml.training.TrainingReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir
    static Path shared;
    private static Path first;

    @BeforeAll
    static void firstStart() throws IOException {
        assertThat(ModelStore.ensureModels(shared.resolve("models"))).isEqualTo("v0001");
        first = shared.resolve("models").resolve("v0001");
    }

    @Test
    void a_first_start_trains_a_complete_version_and_later_starts_reuse_it() throws IOException {
        for (String file : new String[] {"manifest.json", "metrics.json", "feature-spec.json",
                "forecast/xgboost/model.ubj", "forecast/xgboost/scaler.json", "risk/classifier.json",
                "risk/scaler.json", "equipment/model.ubj"}) {
            assertThat(first.resolve(file)).isNotEmptyFile();
        }
        Manifest manifest = ArtifactFiles.read(first.resolve(Manifest.FILE), Manifest.class);
        assertThat(manifest.trainingDataSha256()).matches("[0-9a-f]{64}");
        assertThat(manifest.servingForecaster()).isEqualTo("xgboost");
        TrainingReport report = ModelTraining.report(first);
        assertThat(report.forecastMae().get("xgboost")).isLessThan(report.forecastMae().get("moving-average-7"));

        assertThat(ModelStore.ensureModels(shared.resolve("models"))).isEqualTo("v0001");
        assertThat(new ModelStore(shared.resolve("models")).versions()).hasSize(1);
    }

    @Test
    void a_corrupt_newest_version_is_skipped_for_the_last_good_one(@TempDir Path dir) throws IOException {
        copy(first, dir.resolve("v0001"));
        copy(first, dir.resolve("v0002"));
        Files.write(dir.resolve("v0002/forecast/xgboost/model.ubj"), new byte[] {1, 2, 3});
        try (Scorer scorer = Scorer.open(dir, Scorer.Options.defaults().withPollInterval(Duration.ZERO))) {
            assertThat(scorer.version()).isEqualTo("v0001");
            assertThat(scorer.counters().failedLoads()).isEqualTo(1);
        }
    }

    @Test
    void with_no_good_version_the_error_names_the_missing_file(@TempDir Path dir) throws IOException {
        copy(first, dir.resolve("v0001"));
        Files.delete(dir.resolve("v0001/risk/scaler.json"));
        assertThatThrownBy(() -> Scorer.open(dir, Scorer.Options.defaults()))
                .isInstanceOf(IOException.class).hasMessageContaining("v0001/risk/scaler.json");
    }

    @Test
    void an_unfinished_version_without_its_manifest_is_invisible(@TempDir Path dir) throws IOException {
        copy(first, dir.resolve("v0001"));
        copy(first, dir.resolve("v0002"));
        Files.delete(dir.resolve("v0002/manifest.json"));
        assertThat(new ModelStore(dir).versions()).extracting(p -> p.getFileName().toString()).containsExactly("v0001");
        assertThat(new ModelStore(dir).nextVersion()).isEqualTo("v0002");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
