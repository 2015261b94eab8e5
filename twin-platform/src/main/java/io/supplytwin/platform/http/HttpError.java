package io.supplytwin.platform.http;

/** A request we refuse, with the status and the message the caller sees in the JSON body. */
public class HttpError extends RuntimeException {

    private final int status;

    public HttpError(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HTTP error status must be 4xx or 5xx: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }
}
