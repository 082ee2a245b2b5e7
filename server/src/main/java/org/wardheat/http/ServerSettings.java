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
 * @param access       sign-in and TLS: {@code --no-login}, {@code --trusted-proxy}, {@code --tls-keystore}
 */
public record ServerSettings(String host, int port, List<String> allowedHosts, HttpLimits limits,
                             AnalysisPool.Settings analyses, Access access) {

    /**
     * @param noLogin        run without sign-in even where accounts exist ({@code --no-login})
     * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed
     * @param tlsKeystore    a PKCS#12 or JKS keystore to serve HTTPS from, or null for plain HTTP
     * @param tlsPassword    its password (from an environment variable or standard input, never an argument), or null
     */
    public record Access(boolean noLogin, List<String> trustedProxies, java.nio.file.Path tlsKeystore, String tlsPassword) {
        public static final Access DEFAULT = new Access(false, List.of(), null, null);

        public Access {
            trustedProxies = List.copyOf(trustedProxies);
        }

        @Override
        public String toString() {
            return "Access[noLogin=" + noLogin + ", trustedProxies=" + trustedProxies + ", tlsKeystore=" + tlsKeystore + "]";
        }
    }

    public ServerSettings(String host, int port, List<String> allowedHosts, HttpLimits limits, AnalysisPool.Settings analyses) {
        this(host, port, allowedHosts, limits, analyses, Access.DEFAULT);
    }

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        allowedHosts = List.copyOf(allowedHosts);
        access = access == null ? Access.DEFAULT : access;
    }

    /** True when {@code host} is this machine only (127.0.0.0/8, ::1, localhost). */
    public boolean loopback() {
        String h = host.trim().toLowerCase(java.util.Locale.ROOT);
        return h.startsWith("127.") || h.equals("::1") || h.equals("[::1]") || h.equals("localhost");
    }

    /** {@code 127.0.0.1:port} with the default limits and analysis pool. */
    public static ServerSettings loopback(int port) {
        return new ServerSettings("127.0.0.1", port, List.of(), HttpLimits.DEFAULT, AnalysisPool.Settings.defaults());
    }

    public ServerSettings withLimits(HttpLimits other) {
        return new ServerSettings(host, port, allowedHosts, other, analyses, access);
    }

    public ServerSettings withAnalyses(AnalysisPool.Settings other) {
        return new ServerSettings(host, port, allowedHosts, limits, other, access);
    }

    public ServerSettings withAccess(Access other) {
        return new ServerSettings(host, port, allowedHosts, limits, analyses, other);
    }
}
