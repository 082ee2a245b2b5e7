package org.wardheat.http;

import java.util.List;

/**
 * How the server listens and what it accepts.
 *
 * @param host         the address to listen on: {@code 127.0.0.1} (only this machine) unless told otherwise
 * @param port         the TCP port, 0 for any free one
 * @param allowedHosts host names the {@code Host} header may carry besides localhost, 127.0.0.1, ::1 and {@code host}
 * @param limits       the HTTP limits
 * @param analyses     the pool the expensive analyses run in
 */
public record ServerSettings(String host, int port, List<String> allowedHosts, HttpLimits limits,
                             AnalysisPool.Settings analyses) {

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** {@code 127.0.0.1:port} with the default limits and analysis pool. */
    public static ServerSettings loopback(int port) {
        return new ServerSettings("127.0.0.1", port, List.of(), HttpLimits.DEFAULT, AnalysisPool.Settings.defaults());
    }

    public ServerSettings withLimits(HttpLimits other) {
        return new ServerSettings(host, port, allowedHosts, other, analyses);
    }

    public ServerSettings withAnalyses(AnalysisPool.Settings other) {
        return new ServerSettings(host, port, allowedHosts, limits, other);
    }
}
