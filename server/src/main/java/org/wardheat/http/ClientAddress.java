package org.wardheat.http;

import java.util.List;
import java.util.Set;

/**
 * The client's address: the connection's peer, or, when the peer is one of the {@code --trusted-proxy}
 * addresses, the last entry of {@code X-Forwarded-For} (the one that proxy appended; entries before it are
 * whatever the client sent and are not trusted). From any other peer {@code X-Forwarded-For} is ignored.
 */
final class ClientAddress {
    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    boolean behindProxy(String peer) {
        return trustedProxies.contains(peer);
    }

    String of(String peer, String forwardedFor) {
        if (!behindProxy(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 64 || !last.matches("[0-9A-Fa-f:.\\[\\]]+") ? peer : last;
    }
}
