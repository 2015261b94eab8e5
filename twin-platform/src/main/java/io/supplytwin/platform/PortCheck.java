package io.supplytwin.platform;

import io.supplytwin.platform.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks ports before servers start, so "port in use" is one clear line instead of a stack trace from deep inside a broker. */
public final class PortCheck {

    private PortCheck() {
    }

    public static void requireFree(String host, int port, String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new ConfigException(what + " port " + port + " on " + host + " is already in use (" + e.getMessage()
                    + "); choose another with the matching --*-port flag or SUPPLYTWIN_* variable");
        }
    }

    /** A port that was free a moment ago; for tests and for servers that must know their port before binding. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
