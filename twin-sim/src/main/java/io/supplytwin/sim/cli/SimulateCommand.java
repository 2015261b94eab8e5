package io.supplytwin.sim.cli;

import io.supplytwin.sim.scenario.Scenario;
import io.supplytwin.sim.scenario.ScenarioParameters;
import io.supplytwin.sim.scenario.ScenarioReport;
import io.supplytwin.sim.scenario.ScenarioResult;
import io.supplytwin.sim.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twin simulate}: seed 001's financing scenarios over the simulated network. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Run the financing scenarios of seed 001 (baseline, blockchain, dt-blockchain) over the simulated",
                "network at a 1-hour step and write a results table and plots. Health and credit are computed in-process",
                "with twin-core on the simulated indicators (not yet through the live pipeline)."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", split = ",",
            description = "baseline, blockchain, dt-blockchain, or all (default all; comma-separated list allowed)")
    List<String> scenarios = new ArrayList<>(List.of("all"));

    @Option(names = "--days", defaultValue = "180", description = "simulated days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "simulation-results", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--parameters", paramLabel = "FILE", description = "properties overriding scenario-parameters.properties")
    Path parameters;

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
        ScenarioRunner runner;
        try {
            runner = new ScenarioRunner(parameters == null ? ScenarioParameters.standard() : ScenarioParameters.withOverrides(parameters),
                    seed, days);
        } catch (IllegalArgumentException | java.io.IOException e) {
            err.println("twin simulate: " + e.getMessage());
            return 2;
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : chosen.stream().distinct().toList()) {
            lastPercent = -1;
            results.add(runner.run(s, fraction -> bar(stdout, s, fraction)));
            stdout.println();
        }
        stdout.println();
        stdout.print(ScenarioReport.markdown(results));
        for (Path p : ScenarioReport.write(results, out)) {
            stdout.println("wrote " + p);
        }
        stdout.flush();
        return 0;
    }

    private int lastPercent = -1;

    private void bar(PrintWriter out, Scenario s, double fraction) {
        int percent = (int) Math.floor(100 * fraction);
        if (percent == lastPercent || (percent % 5 != 0 && percent != 100)) {
            return;
        }
        lastPercent = percent;
        int width = 40;
        int done = (int) Math.round(fraction * width);
        out.printf(Locale.ROOT, "\r%-14s [%s%s] %3.0f%% day %d/%d", s.code(), "#".repeat(done), ".".repeat(width - done),
                100 * fraction, Math.round(fraction * days), days);
        out.flush();
    }
}
