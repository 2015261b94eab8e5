package io.supplytwin.platform.http;

import java.nio.charset.StandardCharsets;

/** A finished response: status, content type and body. JSON bodies come from {@link HttpApi#json}. */
public record Response(int status, String contentType, byte[] body) {

    public static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
