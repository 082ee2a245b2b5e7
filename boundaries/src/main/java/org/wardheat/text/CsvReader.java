package org.wardheat.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one strict, bounded, streaming CSV reader wardheat uses for every CSV it reads (police.uk, council
 * records, populations, harm weights). RFC 4180 with these rules:
 *
 * <ul>
 *   <li>Comma separated; a field may be in double quotes, with {@code ""} for a quote inside it.</li>
 *   <li>Lines end in LF, CRLF or CR alone (classic Mac and some Excel exports); a UTF-8 byte order mark
 *       at the start is skipped.</li>
 *   <li>Text is decoded strictly ({@link #CsvReader(InputStream, Charset, InputLimits)}): a byte that is
 *       not valid in the charset stops the file with its line ({@link CsvException}).</li>
 *   <li>A record is refused, and reading goes on with the next ({@link BadRecord}), when a quoted field
 *       spans lines, a field or the record is longer than the limits, it has too many fields, it holds a
 *       control character (anything below U+0020 but TAB, U+007F, U+0080 to U+009F), a quote appears
 *       inside an unquoted field, or text follows a closing quote. Past a limit nothing more of the record
 *       is kept, so a gigabyte-long line costs no memory.</li>
 *   <li>A quote still open at the end of the input is an error for the whole file, naming the line where
 *       it opened.</li>
 * </ul>
 */
public final class CsvReader implements Closeable {
    private final Reader in;
    private final int maxFieldChars;
    private final int maxRecordChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private boolean started;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int line = 1;       // the physical line the reader is on
    private int recordLine;     // the line the last record started on
    private int recordLastLine; // the line the last record ended on
    private long recordChars;
    private String problem;     // why the record being read is refused, or null
    private int problemField;
    private int spanFrom;       // the line a quoted field holding a line break opened on, or 0
    private int spanField;

    /** Reads text with the default limits. */
    public CsvReader(Reader reader) {
        this(reader, InputLimits.DEFAULT);
    }

    public CsvReader(Reader reader, InputLimits limits) {
        this.in = reader;
        this.maxFieldChars = limits.maxFieldChars();
        this.maxRecordChars = limits.maxRecordChars();
    }

    /** Reads bytes, decoding them strictly in {@code charset}. */
    public CsvReader(InputStream in, Charset charset, InputLimits limits) {
        this(new StrictDecoder(in, charset), limits);
    }

    /**
     * A reader of {@code in}'s text decoded strictly in {@code charset}: a byte not valid in it throws
     * {@link java.io.CharConversionException} naming the byte; for text given to {@link #CsvReader(Reader)}.
     */
    public static Reader strictText(InputStream in, Charset charset) {
        return new StrictDecoder(in, charset);
    }

    /** The 1-based line on which the record last returned (or refused) by {@link #next()} starts. */
    public int line() {
        return recordLine;
    }

    /** The line on which that record ends (later than {@link #line()} only for a refused multi-line record). */
    public int lastLine() {
        return recordLastLine;
    }

    /** Fills the buffer; false at the end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (StrictDecoder.BadEncodingException e) {
            throw new BadEncoding(line, e.getMessage());
        }
        if (n <= 0) {
            eof = true;
            pos = len = 0;
            return false;
        }
        pos = 0;
        len = n;
        if (!started) {
            started = true;
            if (buf[0] == '\uFEFF') {
                pos = 1;
                return pos < len || fill();
            }
        }
        return true;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    private void refuse(int fieldIndex, String reason) {
        if (problem == null) {
            problem = reason;
            problemField = fieldIndex;
        }
    }

    /** Appends {@code buf[from, to)} to the field being read, within the limits. */
    private void append(int from, int to) {
        int n = to - from;
        recordChars += n;
        if (problem != null || n == 0) {
            return;
        }
        if (field.length() + n > maxFieldChars) {
            refuse(fields.size(), "field " + (fields.size() + 1) + " is longer than " + maxFieldChars + " characters");
        } else if (recordChars > maxRecordChars) {
            refuse(-1, "the record is longer than " + maxRecordChars + " characters");
        } else {
            field.append(buf, from, n);
        }
    }

    private void appendChar(char c) {
        recordChars++;
        if (problem == null) {
            if (field.length() + 1 > maxFieldChars) {
                refuse(fields.size(), "field " + (fields.size() + 1) + " is longer than " + maxFieldChars + " characters");
            } else {
                field.append(c);
            }
        }
    }

    private void endField() {
        recordChars++;
        if (problem == null) {
            if (fields.size() + 1 >= InputLimits.MAX_FIELDS) {
                refuse(-1, "the record has more than " + InputLimits.MAX_FIELDS + " fields");
            } else {
                fields.add(field.toString());
            }
        }
        field.setLength(0);
    }

    /** Consumes a line end starting at {@code buf[pos]} (CR, LF or CRLF) and counts the line. */
    private void lineEnd() throws IOException {
        char c = buf[pos++];
        if (c == '\r' && (pos < len || fill()) && buf[pos] == '\n') {
            pos++;
        }
        line++;
    }

    /**
     * The next row of a two-column file ({@code category,weight}, {@code group,category}), blank rows skipped.
     *
     * @param source the file's name for messages
     * @param first  the first column's name, for messages
     * @param second the second column's name, for messages
     * @return its two fields, untrimmed, or {@code null} at the end of input
     * @throws IllegalArgumentException naming {@code source} and the line, for a row of another width, a refused
     *                                  record or text not valid in the encoding
     */
    public String[] nextPair(String source, String first, String second) throws IOException {
        while (true) {
            String[] row;
            try {
                row = next();
            } catch (CsvException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
            if (row == null || row.length == 2) {
                return row;
            }
            if (!(row.length == 1 && row[0].isBlank())) {
                throw new IllegalArgumentException(source + ": line " + line() + ": expected 2 fields, " + first + " and " + second
                        + ", found " + row.length);
            }
        }
    }

    /**
     * @return the next record's fields, or {@code null} at the end of input
     * @throws BadRecord     for a record that is refused; the next call reads the record after it
     * @throws CsvException  for text that is not valid in the charset, or a quote open at the end of input
     */
    public String[] next() throws IOException {
        fields.clear();
        field.setLength(0);
        problem = null;
        problemField = -1;
        spanFrom = 0;
        recordChars = 0;
        recordLine = line;
        if (pos == len && !fill()) {
            recordLastLine = line;
            return null;
        }
        boolean fieldEmpty = true;   // nothing of the current field read yet
        boolean fieldQuoted = false; // the current field was quoted and its closing quote has been read
        int quoteLine = 0;           // the line an open quote was opened on, or 0 outside quotes
        while (true) {
            if (pos == len && !fill()) {
                if (quoteLine > 0) {
                    throw new CsvException(quoteLine, "a quoted field opened on this line is not closed before"
                            + " the end of the file (line " + line + ")");
                }
                return endRecord(line);
            }
            char c = buf[pos];
            if (quoteLine > 0) {
                int start = pos;
                while (pos < len && (c = buf[pos]) != '"' && c != '\n' && c != '\r' && !isControl(c)) {
                    pos++;
                }
                append(start, pos);
                if (pos == len) {
                    continue;
                }
                if (c == '"') {
                    pos++;
                    recordChars++;
                    if ((pos < len || fill()) && buf[pos] == '"') {
                        pos++;
                        appendChar('"');
                    } else {
                        quoteLine = 0;
                        fieldQuoted = true;
                    }
                } else if (c == '\n' || c == '\r') {
                    lineEnd();
                    appendChar('\n');
                    if (spanFrom == 0) {
                        spanFrom = quoteLine;
                        spanField = fields.size();
                    }
                } else {
                    pos++;
                    recordChars++;
                    refuse(fields.size(), "control character " + String.format("U+%04X", (int) c) + " in field " + (fields.size() + 1));
                }
                continue;
            }
            int start = pos;
            while (pos < len && (c = buf[pos]) != ',' && c != '"' && c != '\n' && c != '\r' && !isControl(c)) {
                pos++;
            }
            if (pos > start) {
                if (fieldQuoted) {
                    refuse(fields.size(), "text after the closing quote of field " + (fields.size() + 1));
                }
                fieldEmpty = false;
                append(start, pos);
            }
            if (pos == len) {
                continue;
            }
            if (c == ',') {
                pos++;
                endField();
                fieldEmpty = true;
                fieldQuoted = false;
            } else if (c == '\n' || c == '\r') {
                int last = line;
                lineEnd();
                return endRecord(last);
            } else if (c == '"') {
                pos++;
                recordChars++;
                if (fieldEmpty && !fieldQuoted) {
                    quoteLine = line;
                    fieldEmpty = false;
                } else {
                    refuse(fields.size(), fieldQuoted ? "text after the closing quote of field " + (fields.size() + 1)
                            : "a double quote inside unquoted field " + (fields.size() + 1) + "; quote the whole field and double the quote");
                }
            } else {
                pos++;
                recordChars++;
                refuse(fields.size(), "control character " + String.format("U+%04X", (int) c) + " in field " + (fields.size() + 1));
            }
        }
    }

    private String[] endRecord(int lastLine) throws BadRecord {
        recordLastLine = lastLine;
        if (spanFrom > 0) { // the root cause of whatever else is wrong with the record
            problem = "a quoted field opened on line " + spanFrom + " spans lines " + spanFrom + "–" + lastLine
                    + "; a field must not hold a line break";
            problemField = spanField;
        }
        if (problem != null) {
            throw new BadRecord(recordLine, lastLine, problemField, problem);
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Input that cannot be read as CSV at all from a given line on; the file is refused. */
    public static class CsvException extends IOException {
        private final int line;

        public CsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Bytes that are not valid text in the charset the file is read in; the file is refused. */
    public static final class BadEncoding extends CsvException {
        BadEncoding(int line, String message) {
            super(line, message);
        }
    }

    /**
     * One record refused, with the lines it spans and the reason; the reader has moved past it.
     */
    public static final class BadRecord extends CsvException {
        private final int lastLine;
        private final int field;
        private final String reason;

        BadRecord(int line, int lastLine, int field, String reason) {
            super(line, reason);
            this.lastLine = lastLine;
            this.field = field;
            this.reason = reason;
        }

        /** The last line of the record (the same as {@link #line()} unless a quoted field spans lines). */
        public int lastLine() {
            return lastLine;
        }

        /** The 0-based field at fault, or -1 for the record as a whole. */
        public int field() {
            return field;
        }

        /** What is wrong, without the line. */
        public String reason() {
            return reason;
        }
    }
}
