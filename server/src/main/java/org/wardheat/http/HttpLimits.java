package org.wardheat.http;

/**
 * The web server's HTTP/1.1 limits, in one place. Sizes are in bytes, times in milliseconds.
 *
 * @param requestHeaderBytes  request line plus headers; larger gets 431 (Jetty's default is 8 KiB)
 * @param responseHeaderBytes response headers
 * @param formKeys            fields of a form body and parts of a multipart upload
 * @param formContentBytes    an {@code application/x-www-form-urlencoded} body (no route takes one)
 * @param jsonBodyBytes       a JSON request body (saved focus areas); larger gets 413
 * @param uploadBytes         a whole {@code POST /api/import} multipart body; larger gets 413
 * @param idleTimeoutMillis   a connection that sends or reads nothing for this long is closed
 * @param maxThreads          Jetty's request threads (analyses run in their own bounded pool)
 */
public record HttpLimits(int requestHeaderBytes, int responseHeaderBytes, int formKeys, int formContentBytes,
                         long jsonBodyBytes, long uploadBytes, long idleTimeoutMillis, int maxThreads) {

    /** 16 KiB headers, 256 form fields or upload parts, 2 MiB JSON bodies, 512 MiB uploads, 30 s idle, 64 threads. */
    public static final HttpLimits DEFAULT = new HttpLimits(16 << 10, 16 << 10, 256, 64 << 10,
            2L << 20, 512L << 20, 30_000, 64);

    public HttpLimits {
        if (requestHeaderBytes < 1024 || responseHeaderBytes < 1024 || formKeys < 1 || formContentBytes < 0
                || jsonBodyBytes < 1 || uploadBytes < 1 || idleTimeoutMillis < 1 || maxThreads < 8) {
            throw new IllegalArgumentException("HTTP limits out of range");
        }
    }

    /** The same limits with another upload size in bytes. */
    public HttpLimits withUploadBytes(long bytes) {
        return new HttpLimits(requestHeaderBytes, responseHeaderBytes, formKeys, formContentBytes, jsonBodyBytes,
                bytes, idleTimeoutMillis, maxThreads);
    }

    /** The same limits with another JSON body size in bytes. */
    public HttpLimits withJsonBodyBytes(long bytes) {
        return new HttpLimits(requestHeaderBytes, responseHeaderBytes, formKeys, formContentBytes, bytes,
                uploadBytes, idleTimeoutMillis, maxThreads);
    }
}
