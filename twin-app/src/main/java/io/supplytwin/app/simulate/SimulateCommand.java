package io.supplytwin.app.simulate;

import io.supplytwin.platform.TempDirs;
import io.supplytwin.sim.scenario.Scenario;
import io.supplytwin.sim.scenario.ScenarioParameters;
import io.supplytwin.sim.scenario.ScenarioReport;
import io.supplytwin.sim.scenario.ScenarioResult;
import io.supplytwin.sim.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twin simulate}: seed 001's financing scenarios over the simulated network. Lives in twin-app because
 * dt-blockchain runs through the real services, which only the app assembles; the model and the other two modes are
 * twin-sim's.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run the financing scenarios of seed 001 (baseline, blockchain, dt-blockchain) over the simulated",
                "network at a 1-hour step and write a results table and plots. baseline and blockchain replace what those",
                "modes lack with documented models; dt-blockchain starts a private platform on free ports and goes through",
                "the real services: MQTT -> bridge -> Kafka Streams twin -> twin.credit -> ledger contracts -> receipts."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", split = ",",
            description = "baseline, blockchain, dt-blockchain, or all (default all; comma-separated list allowed)")
    List<String> scenarios = new ArrayList<>(List.of("all"));

    @Option(names = "--days", defaultValue = "180", description = "simulated days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "first random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--seeds", defaultValue = "1",
            description = "how many seeds to run, from --seed on; results are reported per seed and as mean ± sd (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--live-seeds", paramLabel = "N",
            description = "run dt-blockchain (through the services, minutes per seed) for only the first N seeds (default: all)")
    Integer liveSeeds;

    @Option(names = "--enterprise-every", paramLabel = "HOURS", defaultValue = "24",
            description = "dt-blockchain: enterprise twins report over MQTT every HOURS simulated hours (default ${DEFAULT-VALUE};"
                    + " 1 = every step, the full path: slower, see docs/simulator.md for the measured throughput)")
    int enterpriseEvery;

    @Option(names = "--equipment-every", paramLabel = "HOURS", defaultValue = "24",
            description = "dt-blockchain: equipment and order twins report every HOURS simulated hours (default ${DEFAULT-VALUE})")
    int equipmentEvery;

    @Option(names = "--out", defaultValue = "simulation-results", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--parameters", paramLabel = "FILE", description = "properties overriding scenario-parameters.properties")
    Path parameters;

    private int lastPercent = -1;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> chosen = new ArrayList<>();
        for (String s : scenarios) {
            if (s.equalsIgnoreCase("all")) {
                chosen.addAll(List.of(Scenario.values()));
            } else {
                var parsed = Scenario.fromCode(s);
                if (parsed.isEmpty()) {
                    err.println("twin simulate: unknown scenario '" + s + "' (expected baseline, blockchain, dt-blockchain or all)");
                    return 2;
                }
                chosen.add(parsed.get());
            }
        }
        if (seeds < 1 || enterpriseEvery < 1 || equipmentEvery < 1 || (liveSeeds != null && liveSeeds < 0)) {
            err.println("twin simulate: --seeds, --enterprise-every and --equipment-every must be at least 1, --live-seeds at least 0");
            return 2;
        }
        ScenarioParameters params;
        try {
            params = parameters == null ? ScenarioParameters.standard() : ScenarioParameters.withOverrides(parameters);
            new ScenarioRunner(params, seed, days); // checks the days
        } catch (IllegalArgumentException | IOException e) {
            err.println("twin simulate: " + e.getMessage());
            return 2;
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (long s = seed; s < seed + seeds; s++) {
            ScenarioRunner runner = new ScenarioRunner(params, s, days);
            for (Scenario mode : chosen.stream().distinct().toList()) {
                if (mode == Scenario.DT_BLOCKCHAIN && liveSeeds != null && s - seed >= liveSeeds) {
                    continue;
                }
                lastPercent = -1;
                String label = mode.code() + (seeds > 1 ? " s" + s : "");
                if (mode == Scenario.DT_BLOCKCHAIN) {
                    stdout.printf(Locale.ROOT, "%s: starting Kafka, registry, MQTT, bridge, twin and ledger on free ports...%n", label);
                    stdout.flush();
                    Path dir = Files.createTempDirectory("supplytwin-scenario-");
                    try (PipelineFinancing live = PipelineFinancing.start(dir, days, enterpriseEvery, equipmentEvery)) {
                        results.add(runner.run(mode, live, f -> bar(stdout, label, f)));
                    } finally {
                        TempDirs.deleteQuietly(dir);
                    }
                } else {
                    results.add(runner.run(mode, f -> bar(stdout, label, f)));
                }
                stdout.println();
                ScenarioReport.write(results, out); // after every run, so a long series keeps what it has
            }
        }
        stdout.println();
        stdout.print(ScenarioReport.markdown(results));
        for (Path p : ScenarioReport.write(results, out)) {
            stdout.println("wrote " + p);
        }
        stdout.flush();
        return 0;
    }

    private void bar(PrintWriter out, String label, double fraction) {
        int percent = (int) Math.floor(100 * fraction);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int width = 40;
        int done = (int) Math.round(fraction * width);
        out.printf(Locale.ROOT, "\r%-18s [%s%s] %3.0f%% day %d/%d", label, "#".repeat(done), ".".repeat(width - done),
                100 * fraction, Math.round(fraction * days), days);
        out.flush();
    }
}
