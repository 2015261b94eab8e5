package io.supplytwin.schemas.registry.server;

import java.util.function.Consumer;

/** Where the registry keeps its changes, so that ids and versions outlive the process. */
interface RegistryLog extends AutoCloseable {

    /** Replays every stored change, oldest first, and returns once the end is reached. */
    void replay(Consumer<RegistryEvent> apply);

    /** Stores the change durably; returns only once it is stored. */
    void append(RegistryEvent event);

    @Override
    void close();

    /** A log that keeps nothing: the registry lives as long as the process. */
    RegistryLog NONE = new RegistryLog() {
        @Override
        public void replay(Consumer<RegistryEvent> apply) {
            // nothing was kept
        }

        @Override
        public void append(RegistryEvent event) {
            // nothing to keep
        }

        @Override
        public void close() {
            // nothing to release
        }
    };
}
