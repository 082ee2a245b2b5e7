package org.wardheat.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV (RFC 4180, CRLF line ends). Text cells that start with {@code =}, {@code +}, {@code -} or
 * {@code @} get a leading apostrophe so spreadsheets show them rather than run them; numbers are written
 * as numbers ({@link Numbers#text}), and {@code null} as an empty cell.
 */
public final class CsvWriter {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public CsvWriter row(List<?> cells) throws IOException {
        return row(cells, java.util.function.Function.identity());
    }

    /** Writes one row of {@code cells}, each as {@code convert} gives it, in one write to the underlying writer. */
    public <T> CsvWriter row(List<T> cells, java.util.function.Function<? super T, ?> convert) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(convert.apply(cells.get(i))));
        }
        line.append("\r\n");
        out.append(line);
        return this;
    }

    public CsvWriter row(Object... cells) throws IOException {
        return row(java.util.Arrays.asList(cells));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return org.wardheat.output.Numbers.text(n);
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Rounds to {@code decimals} places, keeping {@code null}. */
    public static Double round(Double value, int decimals) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
