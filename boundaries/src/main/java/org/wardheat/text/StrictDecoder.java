package org.wardheat.text;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * Decodes bytes to text, refusing bytes that are not valid in the charset (where
 * {@link java.io.InputStreamReader} would put U+FFFD in silently). The text before a bad byte is handed
 * out first, and the error is thrown on the read that reaches it, so the reader above it knows the line.
 */
final class StrictDecoder extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long consumed; // bytes decoded so far, for the error's offset
    private boolean eof;
    private boolean flushed;
    private BadEncodingException pending;

    /** A byte sequence that is not valid text in the charset. */
    static final class BadEncodingException extends CharConversionException {
        BadEncodingException(String message) {
            super(message);
        }
    }

    StrictDecoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            if (flushed) {
                return out.position() > off ? out.position() - off : -1;
            }
            int before = bytes.position();
            CoderResult r = decoder.decode(bytes, out, eof);
            consumed += bytes.position() - before;
            if (r.isOverflow()) {
                return out.position() - off;
            }
            if (r.isError()) {
                byte[] bad = new byte[Math.min(r.length(), bytes.remaining())];
                bytes.get(bytes.position(), bad);
                pending = new BadEncodingException("byte" + (bad.length == 1 ? " " : "s ")
                        + HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase().formatHex(bad)
                        + " at byte offset " + consumed + " " + (bad.length == 1 ? "is" : "are") + " not valid " + decoder.charset().name());
                if (out.position() > off) {
                    return out.position() - off;
                }
                throw pending;
            }
            // underflow: hand out what we have, or read more bytes
            if (eof) {
                decoder.flush(out);
                flushed = true;
                continue;
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
