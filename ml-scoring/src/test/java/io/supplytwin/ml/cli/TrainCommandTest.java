package io.supplytwin.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplytwin.ml.artifact.ArtifactFiles;
import io.supplytwin.ml.artifact.Manifest;
import io.supplytwin.ml.feature.DayObservation;
import io.supplytwin.ml.history.SeedDemandChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    @Test
    void trains_from_a_csv_of_daily_histories_and_publishes_a_version(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("entity_id,day,demand,orders,inventory,sales"));
        List<List<DayObservation>> layers = SeedDemandChain.generate(5, 300);
        for (int l = 0; l < layers.size(); l++) {
            for (DayObservation d : layers.get(l)) {
                lines.add("layer-" + l + "," + d.day() + "," + d.demand() + "," + d.orders() + "," + d.inventory()
                        + "," + d.sales());
            }
        }
        Path csv = Files.write(dir.resolve("history.csv"), lines);
        int exit = new CommandLine(new TrainCommand()).execute("--models", dir.resolve("models").toString(),
                "--csv", csv.toString(), "--quick");
        assertThat(exit).isZero();
        Manifest manifest = ArtifactFiles.read(dir.resolve("models/v0001/manifest.json"), Manifest.class);
        assertThat(manifest.source()).startsWith("csv ").endsWith("history.csv");
    }

    @Test
    void a_bad_csv_row_is_a_usage_error_naming_the_line(@TempDir Path dir) throws Exception {
        Path csv = Files.write(dir.resolve("bad.csv"),
                List.of("entity_id,day,demand,orders,inventory,sales", "a,1,50,48,100,50", "a,2,fifty,48,100,50"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            int exit = new CommandLine(new TrainCommand()).execute("--models", dir.resolve("m").toString(),
                    "--csv", csv.toString(), "--quick");
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString()).contains("line 3");
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
