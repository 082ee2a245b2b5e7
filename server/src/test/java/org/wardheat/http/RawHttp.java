package org.wardheat.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends hand-written HTTP/1.1 requests (bad URIs, huge headers, any Host) that java.net.http would refuse to send. */
final class RawHttp {
    private RawHttp() {
    }

    /** The status code, headers and body of one request sent as {@code head} (CRLF line ends added) plus {@code body}. */
    record Reply(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    static Reply send(int port, String head, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String headers = end < 0 ? text : text.substring(0, end);
            String content = end < 0 ? "" : text.substring(end + 4);
            return new Reply(Integer.parseInt(headers.substring(9, 12)), headers, content);
        }
    }

    /**
     * Sends a body the server may refuse before reading it (413): the body is written from another thread,
     * whose write may fail once the server has answered and closed, while this thread reads the answer.
     */
    static Reply sendRefusable(int port, String head, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head.replace("\n", "\r\n") + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // expected when the server answers first
                }
            });
            writer.setDaemon(true);
            writer.start();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String headers = end < 0 ? text : text.substring(0, end);
            String content = end < 0 ? "" : text.substring(end + 4);
            return new Reply(Integer.parseInt(headers.substring(9, 12)), headers, content);
        }
    }
}
