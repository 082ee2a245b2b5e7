package org.wardheat.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader: comma separated, fields optionally in double quotes, {@code ""} for a
 * quote inside quotes, line breaks inside quoted fields, CRLF or LF line ends, a UTF-8 byte order mark
 * at the start ignored. Tracks the physical line on which each record starts, for error messages.
 */
public final class CsvReader implements Closeable {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int nextLine = 1;
    private int recordLine;
    private boolean first = true;

    public CsvReader(Reader reader) {
        this.in = reader;
    }

    /** The next char, or -1 at the end; buffered here so the hot loop avoids a synchronized read per char. */
    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    /** The 1-based line number on which the record last returned by {@link #next()} starts. */
    public int line() {
        return recordLine;
    }

    /**
     * @return the next record's fields, or {@code null} at the end of input
     * @throws CsvException for a quoted field still open at the end of input
     */
    public String[] next() throws IOException {
        fields.clear();
        field.setLength(0);
        recordLine = nextLine;
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvException(recordLine, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        nextLine++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                if (c == '\n') {
                    nextLine++;
                }
                int len = field.length();
                if (!wasQuoted && len > 0 && field.charAt(len - 1) == '\r') {
                    field.setLength(len - 1);
                }
                fields.add(field.toString());
                return fields.toArray(new String[0]);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '\r' && wasQuoted) {
                // CR after a closing quote: part of the CRLF line end
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Malformed CSV structure at a given line. */
    public static final class CsvException extends IOException {
        private final int line;

        public CsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
