package io.supplytwin.streams.state;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/** Finding the twin's own stores under what Kafka Streams hands a processor. */
final class OwnStores {

    private OwnStores() {
    }

    /**
     * The store of {@code type} under the decorators Kafka Streams puts around every store it hands a processor
     * (read-write checks), which know nothing of a store's own methods; {@code what} names it in the error otherwise.
     */
    static <S> S unwrap(StateStore store, Class<S> type, String what) {
        StateStore s = store;
        while (s instanceof WrappedStateStore<?, ?, ?> wrapped) {
            s = wrapped.wrapped();
        }
        if (type.isInstance(s)) {
            return type.cast(s);
        }
        throw new IllegalStateException("store " + store.name() + " is a " + s.getClass().getName() + ", not " + what);
    }
}
