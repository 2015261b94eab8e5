package io.supplytwin.app.cli;

import io.supplytwin.app.simulate.SimulateCommand;
import io.supplytwin.ingest.cli.IngestCommand;
import io.supplytwin.ledger.cli.LedgerCommand;
import io.supplytwin.ml.cli.ExperimentCommand;
import io.supplytwin.ml.cli.TrainCommand;
import io.supplytwin.platform.config.ConfigException;
import io.supplytwin.sim.cli.SimCommand;
import io.supplytwin.streams.cli.StreamsCommand;
import java.io.PrintWriter;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code twin}: the one entry point. Exit codes: 0 ok, 1 failure, 2 bad usage or configuration. */
@Command(name = "twin", mixinStandardHelpOptions = true, versionProvider = TwinCli.Version.class,
        description = "SupplyTwin: a streaming digital twin of manufacturing supply chains on Apache Kafka.",
        subcommands = {RunCommand.class, IngestCommand.class, StreamsCommand.class, LedgerCommand.class, SimCommand.class,
                SimulateCommand.class, TrainCommand.class, ExperimentCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class TwinCli {

    public static final int EXIT_CONFIG = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        CommandLine cli = new CommandLine(new TwinCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable root = ex;
            while (!(root instanceof ConfigException) && root.getCause() != null) {
                root = root.getCause();
            }
            PrintWriter err = cmd.getErr();
            if (root instanceof ConfigException) {
                err.println("twin: " + root.getMessage());
                err.flush();
                return EXIT_CONFIG;
            }
            err.println("twin: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TwinCli.class.getPackage().getImplementationVersion();
            return new String[] {"SupplyTwin " + (v == null ? "development build" : v), "Java " + Runtime.version()};
        }
    }
}
