package org.wardheat.http;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import spark.embeddedserver.jetty.JettyServerFactory;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * The Jetty 12 server under spark, built here rather than by spark: one plain HTTP/1.1 connector on
 * {@code host:port} with the {@link HttpLimits}, no {@code Server} header, no trust in {@code X-Forwarded-*}
 * headers, the {@link JsonErrorHandler} for errors Jetty answers itself, and {@code guards} wrapped around
 * spark's servlet context. {@link #open()} binds the port before spark starts, so a busy port fails there,
 * quietly, and port 0 resolves to the real port. Spark takes the server once through {@link #create}.
 */
final class EmbeddedJetty implements JettyServerFactory {
    private Server server;
    private ServerConnector connector;

    EmbeddedJetty(String host, int port, HttpLimits limits, UnaryOperator<Handler> guards) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 4, 60_000);
        threads.setName("http");
        server = new Server(threads) {
            @Override
            public void setHandler(Handler handler) {
                if (handler instanceof ServletContextHandler context) {
                    context.setMaxFormKeys(limits.formKeys());
                    context.setMaxFormContentSize(limits.formContentBytes());
                }
                super.setHandler(handler == null ? null : guards.apply(handler));
            }
        };
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.requestHeaderBytes());
        http.setResponseHeaderSize(limits.responseHeaderBytes());
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeoutMillis());
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
    }

    /** Binds the listening socket now and returns its port; a busy port throws {@link java.net.BindException}. */
    int open() throws IOException {
        connector.open();
        return connector.getLocalPort();
    }

    /** Releases the port when spark never took the server. */
    synchronized void closeUnused() {
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
