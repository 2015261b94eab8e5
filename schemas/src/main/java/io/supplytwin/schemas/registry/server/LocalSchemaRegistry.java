package io.supplytwin.schemas.registry.server;

import io.supplytwin.schemas.registry.client.CompatibilityLevel;
import io.supplytwin.schemas.registry.client.RegisteredSchema;
import io.supplytwin.schemas.registry.client.SchemaRegistryClient;
import io.supplytwin.schemas.registry.client.SchemaRegistryException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * A schema registry in this process, with the Confluent registry's rules. The embedded HTTP server
 * answers from one of these, backed by the {@code _schemas} topic; {@link #inMemory()} gives one that
 * keeps nothing, for tests that need serdes without a broker (e.g. with {@code TopologyTestDriver}).
 *
 * <p>Thread-safe: reads share a lock; writes are serialised and stored in the log before they are
 * applied, so an answered registration is durable.
 */
public final class LocalSchemaRegistry implements SchemaRegistryClient {

    private final RegistryState state = new RegistryState();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final RegistryLog log;

    LocalSchemaRegistry(RegistryLog log) {
        this.log = log;
    }

    /** A registry that lives only as long as this object: for tests. */
    public static LocalSchemaRegistry inMemory() {
        return new LocalSchemaRegistry(RegistryLog.NONE);
    }

    /** Loads every stored change; call once before serving. */
    void load() {
        write(() -> {
            log.replay(state::apply);
            return null;
        });
    }

    @Override
    public int register(String subject, Schema schema) {
        return write(() -> {
            RegistryState.Registration plan = state.planRegistration(subject, schema);
            if (plan.isNew()) {
                RegisteredSchema r = plan.schema();
                RegistryEvent event = new RegistryEvent.SchemaRegistered(r.subject(), r.version(), r.id(), r.schema());
                log.append(event);
                state.apply(event);
            }
            return plan.schema().id();
        });
    }

    @Override
    public Schema getById(int id) {
        return read(() -> state.schemaById(id));
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return read(() -> state.version(subject, version));
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return read(() -> state.lookup(subject, schema));
    }

    @Override
    public List<String> subjects() {
        return read(state::subjects);
    }

    @Override
    public List<Integer> versions(String subject) {
        return read(() -> state.versions(subject));
    }

    @Override
    public boolean isCompatible(String subject, int version, Schema schema) {
        return read(() -> state.isCompatible(subject, version, schema));
    }

    @Override
    public CompatibilityLevel getCompatibility() {
        return read(state::globalLevel);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        return read(() -> state.levelOf(subject));
    }

    /** The subject's own level, empty when it follows the global one. */
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return read(() -> state.subjectLevel(subject));
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        set(null, level);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        if (subject == null || subject.isEmpty()) {
            throw new SchemaRegistryException(422, 422, "Subject must not be empty");
        }
        set(subject, level);
    }

    private void set(String subject, CompatibilityLevel level) {
        write(() -> {
            RegistryEvent event = new RegistryEvent.CompatibilitySet(subject, level);
            log.append(event);
            state.apply(event);
            return null;
        });
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
