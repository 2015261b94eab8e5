package io.supplytwin.ml.cli;

import picocli.CommandLine.Command;

/** {@code twin experiment}: reproductions of the seed papers' experiments. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run a seed paper's experiment and write a report.",
        subcommands = {OrderingExperimentCommand.class})
public final class ExperimentCommand {
}
