package org.wardheat.http;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import spark.Response;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kept layers and the requests remembered as answered with one: a request is remembered per snapshot and session;
 * when its layer has been dropped (over the budget), sending it kept gives null, makes nothing, and forgets it.
 */
class KeptLayersTest {
    /** A response whose servlet side takes every call and does nothing. */
    private static Response response() {
        HttpServletResponse raw = (HttpServletResponse) Proxy.newProxyInstance(KeptLayersTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (p, m, a) -> m.getReturnType() == boolean.class ? false
                        : m.getReturnType() == int.class ? 0 : null);
        return new Response() {
            @Override
            public HttpServletResponse raw() {
                return raw;
            }

            @Override
            public void type(String contentType) {
            }
        };
    }

    @Test
    void aDroppedLayerIsNotSentKeptAndItsRequestIsForgotten() throws Exception {
        KeptLayers<String> layers = new KeptLayers<>("test layers", 200); // room for one 100-byte body
        byte[] a = new byte[100], b = new byte[100];
        a[0] = 1;
        assertArrayEquals(a, layers.send(response(), 7, "a", "/api/hotspots/gistar?cell=200", "s1", () -> a));
        assertTrue(layers.answered(7, "/api/hotspots/gistar?cell=200", "s1"));
        assertFalse(layers.answered(7, "/api/hotspots/gistar?cell=200", "s2"), "another session");
        assertFalse(layers.answered(8, "/api/hotspots/gistar?cell=200", "s1"), "another snapshot");
        assertArrayEquals(a, layers.sendKept(response(), 7, "a", "/api/hotspots/gistar?cell=200", "s1"));

        layers.send(response(), 7, "b", "/api/hotspots/gistar?cell=300", "s1", () -> b); // over the budget: a is dropped
        assertNull(layers.sendKept(response(), 7, "a", "/api/hotspots/gistar?cell=200", "s1"), "nothing made");
        assertFalse(layers.answered(7, "/api/hotspots/gistar?cell=200", "s1"), "the next ask goes through the pool");
        assertTrue(layers.answered(7, "/api/hotspots/gistar?cell=300", "s1"));
    }
}
