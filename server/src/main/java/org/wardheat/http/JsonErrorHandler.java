package org.wardheat.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Every error Jetty answers itself — a bad request line or URI, headers over the limit, a refusal by the
 * request guards, a failure escaping a route (including {@code Error}s such as {@code OutOfMemoryError}) —
 * as {@code {"error": "..."}} in JSON with the {@link SecurityHeaders}, whatever the method or {@code Accept} header, never with a stack trace.
 * Failures (5xx with a cause) are logged with their stack trace; the response names only the kind.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);

    private final SecurityHeaders headers;

    JsonErrorHandler(SecurityHeaders headers) {
        this.headers = headers;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String text;
        if (code >= 500) {
            if (cause != null) {
                LOG.error("request {} failed", request.getHttpURI().getPath(), cause);
            }
            text = code == 500 ? "internal error" + (cause == null ? "" : ": " + cause.getClass().getSimpleName())
                    : message == null || (cause != null && message.equals(cause.toString())) ? HttpStatus.getMessage(code) : message;
        } else if (code == 404) {
            text = "no such resource: " + request.getHttpURI().getPath();
        } else if (code == 431) {
            text = "the request headers are too large";
        } else {
            text = message == null || (cause != null && message.equals(cause.toString())) ? HttpStatus.getMessage(code) : message;
        }
        headers.apply(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(ApiServer.errorBody(text).getBytes(StandardCharsets.UTF_8)), callback);
    }
}
