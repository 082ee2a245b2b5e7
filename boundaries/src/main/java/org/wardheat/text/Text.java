package org.wardheat.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading short text files and putting input text into messages. */
public final class Text {
    /** Characters of input text quoted in a message: 80. */
    public static final int MAX_QUOTED_CHARS = 80;

    private Text() {
    }

    /** The text, cut to {@link #MAX_QUOTED_CHARS} with an ellipsis and its full length when longer. */
    public static String shorten(String s) {
        return s.length() <= MAX_QUOTED_CHARS ? s : s.substring(0, MAX_QUOTED_CHARS) + "… (" + s.length() + " characters)";
    }

    /** The first control character in {@code s} (below U+0020 but TAB, U+007F to U+009F), or -1. */
    public static int controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Reads a small UTF-8 text file as lines (ending in LF, CRLF or CR), strictly: at most {@code maxBytes},
     * valid UTF-8, no control characters.
     *
     * @param limitName the constant stating {@code maxBytes}, for the message
     * @throws IOException naming the file, and the line where the text is bad
     */
    public static List<String> readLines(Path file, long maxBytes, String limitName) throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = BoundedInput.capped(Files.newInputStream(file), maxBytes, limitName);
             BufferedReader r = new BufferedReader(new StrictDecoder(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                int c = controlCharacter(line);
                if (c >= 0) {
                    throw new IOException(file + ": line " + (lines.size() + 1) + ": control character "
                            + String.format("U+%04X", c));
                }
                lines.add(line);
            }
        } catch (StrictDecoder.BadEncodingException | InputLimitException e) {
            throw new IOException(file + ": line " + (lines.size() + 1) + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
