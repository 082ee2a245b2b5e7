package org.wardheat.text;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens input files (plain or gzip) with their decompressed size bounded: by a byte budget shared by
 * all the files of one call ({@link InputLimits#maxDecompressedBytes()}), and per file by the compression
 * ratio ({@link InputLimits#maxCompressionRatio()}, once past {@link InputLimits#COMPRESSION_RATIO_GRACE_BYTES}).
 * A stream over a limit throws {@link InputLimitException} as soon as it passes it, so a gzip bomb is
 * never decompressed further than the limit.
 */
public final class BoundedInput {
    private BoundedInput() {
    }

    /** The decompressed bytes one call may still read. */
    public static final class Budget {
        private final long max;
        private long used;

        public Budget(InputLimits limits) {
            this.max = limits.maxDecompressedBytes();
        }

        public long used() {
            return used;
        }
    }

    /** Opens {@code file} with the default limits and a budget of its own. */
    public static InputStream open(Path file) throws IOException {
        return open(file, file.getFileName().toString(), InputLimits.DEFAULT, new Budget(InputLimits.DEFAULT));
    }

    /**
     * Opens a file, gunzipping it when it starts with the gzip magic number.
     *
     * @param name how messages call the file
     */
    public static InputStream open(Path file, String name, InputLimits limits, Budget budget) throws IOException {
        long size = Files.size(file);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return limit(in, name, size, limits, budget);
    }

    /**
     * Bounds a decompressed stream.
     *
     * @param compressedBytes the size of the compressed input it comes from, for the ratio
     */
    public static InputStream limit(InputStream decompressed, String name, long compressedBytes, InputLimits limits,
                                    Budget budget) {
        long ratioFrom = Math.max(InputLimits.COMPRESSION_RATIO_GRACE_BYTES,
                (long) Math.min(Long.MAX_VALUE / 2.0, limits.maxCompressionRatio() * Math.max(1, compressedBytes)));
        return new Counting(decompressed) {
            @Override
            void counted(long n) throws InputLimitException {
                budget.used += n;
                if (budget.used > budget.max) {
                    throw new InputLimitException(name + ": the files of this import decompress to more than "
                            + budget.max + " bytes (limit InputLimits.MAX_DECOMPRESSED_BYTES); nothing was imported;"
                            + " import them in smaller groups");
                }
                if (read > ratioFrom) {
                    throw new InputLimitException(name + ": decompresses to more than " + (long) limits.maxCompressionRatio()
                            + " times its compressed size of " + compressedBytes + " bytes (limit InputLimits.MAX_COMPRESSION_RATIO),"
                            + " which only a crafted file (a compression bomb) does; nothing was imported");
                }
            }
        };
    }

    /** Caps a stream at {@code maxBytes}: past them it throws {@link InputLimitException} naming {@code limitName}. */
    public static InputStream capped(InputStream in, long maxBytes, String limitName) {
        return new Counting(in) {
            @Override
            void counted(long n) throws InputLimitException {
                if (read > maxBytes) {
                    throw new InputLimitException("larger than " + maxBytes + " bytes (limit " + limitName + ")");
                }
            }
        };
    }

    /** A stream that counts the bytes read through it and checks a limit after each read. */
    private abstract static class Counting extends FilterInputStream {
        long read;

        Counting(InputStream in) {
            super(in);
        }

        /** Called after {@code n > 0} more bytes were read ({@link #read} already counts them). */
        abstract void counted(long n) throws InputLimitException;

        private void count(long n) throws InputLimitException {
            if (n > 0) {
                read += n;
                counted(n);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count(k);
            return k;
        }
    }
}
