package io.supplytwin.schemas.registry.client;

/**
 * An error answered by a schema registry: the HTTP status and the registry's own error code, as in
 * {@code {"error_code": 40401, "message": "Subject not found"}}.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int STORE_ERROR = 50001;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The registry's error code, e.g. 40401; equals the status when the body carried none. */
    public int errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return "SchemaRegistryException{status=" + status + ", errorCode=" + errorCode + ", message=" + getMessage() + "}";
    }
}
