package io.supplytwin.platform.config;

/** Bad configuration from outside (file, environment, flag). The CLI turns it into exit code 2 and one line. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
