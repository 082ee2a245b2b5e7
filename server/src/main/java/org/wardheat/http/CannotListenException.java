package org.wardheat.http;

import java.net.BindException;

/** The server could not listen on its address: the port is taken, or the host is not one of this machine's. */
public final class CannotListenException extends RuntimeException {
    public CannotListenException(String host, int port, Exception cause) {
        super(message(host, port, cause), cause);
    }

    private static String message(String host, int port, Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause(); // Jetty wraps the BindException in an IOException("Failed to bind to ...")
        }
        String reason = String.valueOf(root.getMessage());
        if (root instanceof BindException && reason.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            return "port " + port + " is in use; choose another with --port";
        }
        return "cannot listen on " + host + ":" + port + ": " + reason + "; choose another --host or --port";
    }
}
