package io.supplytwin.platform.cli;

import io.supplytwin.platform.config.PlatformConfig;
import io.supplytwin.platform.config.Setting;
import io.supplytwin.platform.config.Settings;
import io.supplytwin.platform.service.Service;
import io.supplytwin.platform.service.ShutdownStack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shape every "run one service alone" command shares ({@code twin ingest}, {@code twin streams}): settings from
 * {@code --config}, {@code SUPPLYTWIN_*} and {@code --set} over the platform's and the service's own keys, the
 * endpoints of the servers to use, {@code --list-settings}, and a run that lasts until Ctrl+C or SIGTERM and then
 * closes everything it started in reverse order.
 */
public abstract class StandaloneCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "properties file with settings")
    protected Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set any setting (repeatable)")
    protected Map<String, String> sets = new LinkedHashMap<>();

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers (kafka.bootstrap)")
    protected String kafka;

    @Option(names = "--registry", paramLabel = "URL", description = "schema registry URL (registry.url)")
    protected String registry;

    @Option(names = "--list-settings", description = "print every setting with its default and exit")
    protected boolean listSettings;

    /** The service's own settings; the platform's (endpoints) are always understood too. */
    protected abstract List<Setting<?>> ownSettings();

    /** Adds the command's own flags, as setting keys. */
    protected abstract void addFlags(Map<String, String> flags);

    /** Builds and runs the service with the resolved settings; usually ends in {@link #runUntilStopped}. */
    protected abstract int run(Settings settings, PrintWriter out) throws Exception;

    public List<Setting<?>> knownSettings() {
        List<Setting<?>> all = new ArrayList<>(PlatformConfig.SETTINGS);
        all.addAll(ownSettings());
        return all;
    }

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listSettings) {
            ownSettings().forEach(s -> out.printf(Locale.ROOT, "%-36s %-44s default %-22s %s%n", s.key(), s.envName(),
                    s.defaultValue(), s.description()));
            out.flush();
            return 0;
        }
        Map<String, String> flags = new LinkedHashMap<>(sets);
        flag(flags, PlatformConfig.KAFKA_BOOTSTRAP, kafka);
        flag(flags, PlatformConfig.REGISTRY_URL, registry);
        addFlags(flags);
        return run(Settings.load(knownSettings(), configFile, System.getenv(), flags), out);
    }

    protected static void flag(Map<String, String> flags, Setting<?> setting, Object value) {
        if (value != null) {
            flags.put(setting.key(), value.toString());
        }
    }

    /**
     * Starts the service, prints the banner and waits for Ctrl+C or SIGTERM; then closes the service and the parts
     * that were already running ({@code started}, e.g. its HTTP server and metrics), in reverse order.
     */
    protected static int runUntilStopped(Service service, ShutdownStack started, PrintWriter out, String banner) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            started.close();
            stopped.countDown();
        }, service.name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.start();
            started.push(service);
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
            started.close();
            throw e;
        }
        out.println(banner);
        out.flush();
        stopped.await();
        return 0;
    }
}
