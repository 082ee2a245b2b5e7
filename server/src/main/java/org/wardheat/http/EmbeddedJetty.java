package org.wardheat.http;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;
import spark.embeddedserver.jetty.JettyServerFactory;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The Jetty 12 server under spark, built here rather than by spark: one HTTP/1.1 connector on
 * {@code host:port} (TLS with {@code --tls-keystore}) with the {@link HttpLimits}, no {@code Server} header, no trust in {@code X-Forwarded-*}
 * headers, the {@link JsonErrorHandler} for errors Jetty answers itself, and the {@link RequestGuard} and
 * {@link PooledAnalyses} wrapped around spark's servlet context. {@link #bind} opens the port before spark starts, so a busy port fails
 * there, quietly, and port 0 resolves to the real port. Spark takes the server once through {@link #create}.
 */
final class EmbeddedJetty implements JettyServerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedJetty.class);

    private Server server;
    private ServerConnector connector;
    private final String host;
    private int port;
    private Service service;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private EmbeddedJetty(String host, int port, HttpLimits limits, SecurityHeaders headers, UnaryOperator<Handler> guards,
                          ServerSettings.Access access) {
        this.host = host;
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 4, 60_000);
        threads.setName("http");
        server = new Server(threads) {
            @Override
            public void setHandler(Handler handler) {
                if (handler instanceof ServletContextHandler context) {
                    context.setMaxFormKeys(limits.formKeys());
                    context.setMaxFormContentSize(limits.formContentBytes());
                }
                super.setHandler(handler == null ? null : gzip(guards.apply(handler)));
            }
        };
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.requestHeaderBytes());
        http.setResponseHeaderSize(limits.responseHeaderBytes());
        if (access.tlsKeystore() != null) {
            // HTTPS only: a TLS connector (Jetty's SslContextFactory, TLS 1.2+ with Jetty's default cipher exclusions)
            http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer());
            org.eclipse.jetty.util.ssl.SslContextFactory.Server tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            tls.setKeyStorePath(access.tlsKeystore().toAbsolutePath().toString());
            tls.setKeyStorePassword(access.tlsPassword());
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            connector = new ServerConnector(server, new org.eclipse.jetty.server.SslConnectionFactory(tls, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeoutMillis());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler(headers));
    }

    /**
     * Compresses every response worth it (JSON, GeoJSON, CSV, the page's scripts; not images) for clients that accept
     * gzip: a Gi* layer shrinks about tenfold. Jetty's default excluded types (images, archives) stay excluded.
     */
    static GzipHandler gzip(Handler next) {
        GzipHandler gzip = new GzipHandler(next);
        gzip.setMinGzipSize(512);
        gzip.addIncludedMimeTypes("application/json", "application/geo+json", "text/csv", "text/html", "text/css",
                "text/javascript", "application/javascript");
        return gzip;
    }

    /**
     * Builds the server for {@code settings}, expensive analyses running in {@code pool} unless {@code lane} says they
     * are answered from memory, binds its port and returns it with a spark service for the caller's
     * routes; {@link #start()} then starts it.
     *
     * @throws CannotListenException when the port is taken or the address is not this machine's
     */
    static EmbeddedJetty bind(ServerSettings settings, String tileUrl, AnalysisPool pool, PooledAnalyses.FastLane lane) {
        SecurityHeaders headers = new SecurityHeaders(tileUrl);
        AllowedHosts hosts = AllowedHosts.of(settings.host(), settings.allowedHosts());
        EmbeddedJetty jetty = new EmbeddedJetty(settings.host(), settings.port(), settings.limits(), headers,
                next -> new RequestGuard(new PooledAnalyses(next, pool, lane), headers, hosts, settings.limits()), settings.access());
        try {
            jetty.connector.open();
        } catch (IOException e) {
            jetty.connector.close();
            throw new CannotListenException(settings.host(), settings.port(), e);
        }
        try {
            if (settings.access().tlsKeystore() != null) {
                jetty.connector.getConnectionFactory(org.eclipse.jetty.server.SslConnectionFactory.class).getSslContextFactory().start();
            }
        } catch (Exception e) {
            jetty.connector.close();
            throw new IllegalArgumentException("cannot use the TLS keystore " + settings.access().tlsKeystore() + ": " + e.getMessage(), e);
        }
        jetty.port = jetty.connector.getLocalPort();
        Object id = new Object();
        EmbeddedServers.add(id, new EmbeddedJettyFactory(jetty));
        jetty.service = Service.ignite().ipAddress(settings.host()).port(jetty.port);
        jetty.service.embeddedServerIdentifier(id);
        jetty.service.initExceptionHandler(jetty.failure::set);
        return jetty;
    }

    Service service() {
        return service;
    }

    int port() {
        return port;
    }

    /** Starts serving the routes added to {@link #service()}; returns once requests are answered. */
    void start() {
        service.init();
        service.awaitInitialization();
        Exception e = failure.get();
        if (e != null) {
            closeUnused();
            throw new IllegalStateException("the web server did not start: " + e.getMessage(), e);
        }
        LOG.info("listening on {}:{} (Jetty {})", host, port, Jetty.VERSION);
    }

    private synchronized void closeUnused() {
        if (connector != null) {
            connector.close();
        }
    }

    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        return create(null);
    }

    /** Hands the server to spark once and forgets it (spark keeps its factories in a static map). */
    @Override
    public synchronized Server create(ThreadPool ignored) {
        if (server == null) {
            throw new IllegalStateException("this Jetty server was already handed to spark");
        }
        Server s = server;
        server = null;
        connector = null;
        return s;
    }
}
