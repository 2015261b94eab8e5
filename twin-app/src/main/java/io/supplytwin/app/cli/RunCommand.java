package io.supplytwin.app.cli;

import io.supplytwin.app.run.TwinApplication;
import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the whole platform on this machine: a real Kafka broker, MQTT broker and schema registry",
                "in-process, the topics, and every SupplyTwin service; then wait until Ctrl+C or SIGTERM.",
                "Data is kept in the data directory across restarts."},
        footer = {"", "Every setting can also come from a properties file (--config) or an environment variable:",
                "kafka.port -> SUPPLYTWIN_KAFKA_PORT. Settings: see 'twin run --list-settings'."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--list-settings", description = "print every setting with its default and exit")
    boolean listSettings;

    @picocli.CommandLine.Option(names = "--services", paramLabel = "LIST",
            description = "services to start (run.services): all (default), or a comma list of dashboard, ledger, streams, ingest, simulator")
    String services;

    static List<Setting<?>> knownSettings() {
        return TwinApplication.SETTINGS;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listSettings) {
            for (Setting<?> s : knownSettings()) {
                out.printf(Locale.ROOT, "%-26s %-28s default %-14s %s%n", s.key(), s.envName(), s.defaultValue(), s.description());
            }
            out.flush();
            return 0;
        }
        if (services != null) {
            options.sets.put(TwinApplication.RUN_SERVICES.key(), services);
        }
        Settings settings = options.load(knownSettings());
        TwinApplication app = new TwinApplication(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "twin-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            app.start();
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        var p = app.platform();
        out.printf(Locale.ROOT, "SupplyTwin ready in %.1f s%n", app.readyMillis() / 1000.0);
        out.printf("  Kafka            %s%n", p.bootstrapServers());
        out.printf("  Schema registry  %s%n", p.registryUrl());
        out.printf("  MQTT             %s%n", p.mqttUri());
        out.printf("  Dashboard        %s/%n", app.http().url());
        out.printf("  HTTP             %s   (%s/health, %s/metrics)%n", app.http().url(), app.http().url(), app.http().url());
        out.printf("  Data directory   %s%n", p.config().dataDir());
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
