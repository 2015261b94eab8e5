package io.supplytwin.sim.cli;

import io.supplytwin.core.network.ReferenceNetwork;
import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.sim.SimConfig;
import io.supplytwin.sim.SimulatorService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twin sim}: the gateway simulator on its own, against any MQTT broker. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Simulate the gateways of the reference supply network (1 core, 15 tier-1, 43 tier-2 enterprises,",
                "their machines and orders) and publish all 277 indicators over MQTT, every cycle.",
                "Settings: --set sim.KEY=VALUE, SUPPLYTWIN_SIM_* variables or a --config file (keys as in 'twin run --list-settings')."})
public final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mqtt", paramLabel = "URI", defaultValue = "tcp://127.0.0.1:1883", description = "MQTT broker (default: ${DEFAULT-VALUE})")
    String mqtt;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (sim.seed, default 1); the same seed gives the same readings")
    Long seed;

    @Option(names = "--speed", paramLabel = "X", description = "simulated over real time (sim.speed, default 100: one 5-minute cycle every 3 s; 1 = real time; 0 = flat out)")
    Double speed;

    @Option(names = "--cycle", paramLabel = "DURATION", description = "simulated time between readings (sim.cycle, default 5m)")
    String cycle;

    @Option(names = "--networks", paramLabel = "N", description = "copies of the network for load tests (sim.networks, default 1)")
    Integer networks;

    @Option(names = "--format", paramLabel = "json|sparkplug", description = "payload format (sim.format, default json)")
    String format;

    @Option(names = "--qos", paramLabel = "0|1|2", description = "MQTT QoS (sim.qos, default 1)")
    Integer qos;

    @Option(names = "--shock", paramLabel = "SHOCK", description = {"inject a shock at start (repeatable): KIND[:TARGET] or key list,",
            "e.g. machine-failure:t1-03, late-payer:core-01, supplier-default:t2-07,",
            "kind=demand-surge,magnitude=1.8,hours=48, kind=machine-failure,target=t1-03-eq-01,at=12,hours=6"})
    List<String> shocks = new ArrayList<>();

    @Option(names = "--cycles", paramLabel = "N", description = "stop after N cycles (default: run until Ctrl+C)")
    Long maxCycles;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any sim.* setting (repeatable)")
    Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "properties file with sim.* settings")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimConfig config;
        try {
            config = SimConfig.from(Settings.load(SimConfig.SETTINGS, configFile, System.getenv(), flags()));
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("twin sim: " + e.getMessage());
            return 2;
        }
        SimulatorService sim;
        try {
            sim = new SimulatorService(config, mqtt, ReferenceNetwork.create(), null);
        } catch (IllegalArgumentException e) {
            err.println("twin sim: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            sim.start();
        } catch (Exception e) {
            err.println("twin sim: cannot connect to " + mqtt + ": " + e.getMessage());
            sim.close();
            return 2;
        }
        out.printf(Locale.ROOT, "Simulating %d entities (%d network%s) -> %s, %s, cycle %s, speed %s. Ctrl+C stops.%n",
                sim.entities(), config.networks(), config.networks() == 1 ? "" : "s", mqtt, config.format().code(),
                config.cycle(), config.speed() == 0 ? "flat out" : config.speed() + "x");
        out.flush();
        long lastReadings = 0;
        long lastNanos = System.nanoTime();
        try {
            while (stop.getCount() > 0) {
                if (stop.await(maxCycles != null ? 200 : 5000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    break;
                }
                long now = System.nanoTime();
                if (maxCycles == null || sim.cycles() >= maxCycles || now - lastNanos >= 5_000_000_000L) {
                    long readings = sim.readings();
                    double rate = (readings - lastReadings) / ((now - lastNanos) / 1e9);
                    out.printf(Locale.ROOT, "cycle %d  simulated %.1f h  readings %d  %.0f readings/s%n", sim.cycles(),
                            sim.cycles() * config.cycleHours(), readings, rate);
                    out.flush();
                    lastReadings = readings;
                    lastNanos = now;
                }
                if (maxCycles != null && sim.cycles() >= maxCycles) {
                    break;
                }
                if (!sim.ready()) {
                    err.println("twin sim: simulator stopped (see log)");
                    return 1;
                }
            }
        } finally {
            sim.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already shutting down: the hook has run
            }
        }
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>(sets);
        put(flags, SimConfig.SEED.key(), seed);
        put(flags, SimConfig.SPEED.key(), speed);
        put(flags, SimConfig.CYCLE.key(), cycle);
        put(flags, SimConfig.NETWORKS.key(), networks);
        put(flags, SimConfig.FORMAT.key(), format);
        put(flags, SimConfig.QOS.key(), qos);
        if (!shocks.isEmpty()) {
            flags.put(SimConfig.SHOCKS.key(), String.join(";", shocks));
        }
        return flags;
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }
}
