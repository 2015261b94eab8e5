package io.supplytwin.platform.service;

import java.util.Deque;
import java.util.concurrent.LinkedBlockingDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has been started, to be closed in reverse order. A part that fails to close is logged and the rest still
 * close, so one stuck component never keeps the others (or the data directory) open.
 */
public final class ShutdownStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownStack.class);

    private final Deque<AutoCloseable> started = new LinkedBlockingDeque<>();

    /** Registers a started part; returns it for chaining. Safe from several starting threads. */
    public <T extends AutoCloseable> T push(T part) {
        started.push(part);
        return part;
    }

    public boolean isEmpty() {
        return started.isEmpty();
    }

    @Override
    public void close() {
        AutoCloseable c;
        while ((c = started.pollFirst()) != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", c.getClass().getSimpleName(), e);
            } catch (Error e) {
                LOG.error("error while stopping {}", c.getClass().getSimpleName(), e);
            }
        }
    }
}
