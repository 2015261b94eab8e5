package io.supplytwin.platform.service;

/**
 * A long-running part of SupplyTwin (bridge, streams, ledger bridge, simulator). {@code twin run} starts every
 * service in order and closes them in reverse; each also runs standalone from its own CLI command.
 */
public interface Service extends AutoCloseable {

    /** Short name for logs and metrics tags, e.g. {@code ingest}. */
    String name();

    /** Starts and returns once the service is ready to do its work; throws if it cannot. */
    void start() throws Exception;

    /** Ready to serve: used by {@code /health}. */
    default boolean ready() {
        return true;
    }

    @Override
    void close();
}
