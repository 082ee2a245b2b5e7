package org.wardheat.http;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request's {@code Host} may carry: {@code localhost}, {@code 127.0.0.1}, {@code ::1}, the
 * address the server listens on, and any names given with {@code --allowed-host}. A page served from
 * another name (DNS rebinding) is refused. Names are compared without port, brackets, case or trailing dot.
 */
record AllowedHosts(Set<String> names) {

    static AllowedHosts of(String listenHost, Collection<String> extra) {
        Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "::1"));
        if (listenHost != null && !listenHost.equals("0.0.0.0") && !listenHost.equals("::")) {
            names.add(normalise(listenHost));
        }
        for (String n : extra) {
            names.add(normalise(n));
        }
        return new AllowedHosts(Set.copyOf(names));
    }

    /** True when the host part of a {@code Host} header value (port, brackets allowed) is one of the names. */
    boolean allows(String host) {
        return host != null && names.contains(normalise(host));
    }

    /** {@code [::1]:8080} → {@code ::1}, {@code LocalHost.:80} → {@code localhost}. */
    static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h.substring(1) : h.substring(1, end);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
