package io.supplytwin.streams.state;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds a store of the twin's own that keeps nothing across restarts: no changelog, no record cache. */
final class UnloggedStoreBuilder<S extends StateStore> implements StoreBuilder<S> {

    private final String name;
    private final Supplier<S> store;

    UnloggedStoreBuilder(String name, Supplier<S> store) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public StoreBuilder<S> withCachingEnabled() {
        throw new UnsupportedOperationException("store " + name + " keeps no record cache");
    }

    @Override
    public StoreBuilder<S> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("store " + name + " has no changelog");
    }

    @Override
    public StoreBuilder<S> withLoggingDisabled() {
        return this;
    }

    @Override
    public S build() {
        return store.get();
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
