package org.wardheat.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A raster basemap in a PMTiles version 3 file (one file of tiles addressed along a Hilbert curve, with a root
 * directory and optional leaf directories, uncompressed or gzip-compressed): read-only, by web-map (XYZ)
 * coordinates. Raster tiles only (PNG, JPEG, WebP), uncompressed inside the archive as rasters are.
 */
public final class PmTiles implements TileSource {
    private static final int HEADER_BYTES = 127;
    private static final int MAX_DIRECTORY_BYTES = 64 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long rootOffset, rootLength, leafOffset, tileDataOffset;
    private final int internalCompression;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final long[][] root;

    private PmTiles(Path file, FileChannel channel, ByteBuffer h) throws IOException {
        this.file = file;
        this.channel = channel;
        rootOffset = h.getLong(8);
        rootLength = h.getLong(16);
        long metaOffset = h.getLong(24), metaLength = h.getLong(32);
        leafOffset = h.getLong(40);
        tileDataOffset = h.getLong(56);
        internalCompression = h.get(97);
        int tileCompression = h.get(98);
        int tileType = h.get(99);
        if (tileType < 2 || tileType > 4) {
            throw new IllegalArgumentException("basemap " + file + ": PMTiles tile type " + tileType
                    + "; only raster tiles (png, jpeg, webp) can be served");
        }
        if (tileCompression > 1) {
            throw new IllegalArgumentException("basemap " + file + ": compressed raster tiles are not supported");
        }
        if (internalCompression != 1 && internalCompression != 2) {
            throw new IllegalArgumentException("basemap " + file + ": PMTiles internal compression " + internalCompression
                    + "; only none and gzip are supported");
        }
        metadata.put("format", tileType == 2 ? "png" : tileType == 3 ? "jpg" : "webp");
        metadata.put("minzoom", String.valueOf(h.get(100) & 0xff));
        metadata.put("maxzoom", String.valueOf(h.get(101) & 0xff));
        metadata.put("bounds", h.getInt(102) / 1e7 + "," + h.getInt(106) / 1e7 + "," + h.getInt(110) / 1e7 + "," + h.getInt(114) / 1e7);
        if (metaLength > 0) {
            String json = new String(read(metaOffset, metaLength, true), StandardCharsets.UTF_8);
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    metadata.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        root = directory(read(rootOffset, rootLength, true));
    }

    /**
     * Opens {@code file} and reads its header, metadata and root directory.
     *
     * @throws IllegalArgumentException naming the file when it is not a PMTiles v3 raster archive
     */
    public static PmTiles open(Path file) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h, h.position()) > 0) {
                // reads the header
            }
            if (h.position() < HEADER_BYTES || !new String(h.array(), 0, 7, StandardCharsets.US_ASCII).equals("PMTiles") || h.get(7) != 3) {
                throw new IllegalArgumentException("basemap " + file + ": not a PMTiles version 3 file");
            }
            return new PmTiles(file, ch, h);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing to keep
                }
            }
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("basemap " + file + ": cannot read it as PMTiles (" + e.getMessage() + ")", e);
        }
    }

    /** The tile id of z/x/y: the tiles of lower zooms, then the position along the Hilbert curve at zoom z. */
    static long tileId(int z, int x, int y) {
        long acc = ((1L << (2 * z)) - 1) / 3;
        long tx = x, ty = y, d = 0;
        for (long s = (1L << z) / 2; s > 0; s /= 2) {
            long rx = (tx & s) > 0 ? 1 : 0;
            long ry = (ty & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    tx = s - 1 - tx;
                    ty = s - 1 - ty;
                }
                long t = tx;
                tx = ty;
                ty = t;
            }
        }
        return acc + d;
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String describe() {
        return "PMTiles " + file.getFileName();
    }

    @Override
    public byte[] tile(int z, int x, int y) {
        long id = tileId(z, x, y);
        long[][] dir = root;
        try {
            for (int depth = 0; depth < 4; depth++) {
                long[] e = find(dir, id);
                if (e == null) {
                    return null;
                }
                if (e[1] > 0) {
                    return read(tileDataOffset + e[2], e[3], false);
                }
                dir = directory(read(leafOffset + e[2], e[3], true));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("basemap " + file + ": cannot read tile " + z + "/" + x + "/" + y, e);
        }
    }

    /** Entries {tileId, runLength, offset, length}; the one holding {@code id}, or null. */
    private static long[] find(long[][] entries, long id) {
        int m = 0, n = entries.length - 1;
        while (m <= n) {
            int k = (m + n) >>> 1;
            long cmp = id - entries[k][0];
            if (cmp > 0) {
                m = k + 1;
            } else if (cmp < 0) {
                n = k - 1;
            } else {
                return entries[k];
            }
        }
        if (n >= 0 && (entries[n][1] == 0 || id - entries[n][0] < entries[n][1])) {
            return entries[n];
        }
        return null;
    }

    private static long[][] directory(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int count = (int) varint(b);
        if (count < 0 || count > bytes.length) {
            throw new IllegalArgumentException("a PMTiles directory with " + count + " entries in " + bytes.length + " bytes");
        }
        long[][] e = new long[count][4];
        long last = 0;
        for (int i = 0; i < count; i++) {
            last += varint(b);
            e[i][0] = last;
        }
        for (int i = 0; i < count; i++) {
            e[i][1] = varint(b);
        }
        for (int i = 0; i < count; i++) {
            e[i][3] = varint(b);
        }
        for (int i = 0; i < count; i++) {
            long v = varint(b);
            e[i][2] = v == 0 && i > 0 ? e[i - 1][2] + e[i - 1][3] : v - 1;
        }
        return e;
    }

    private static long varint(ByteBuffer b) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int by = b.get() & 0xff;
            value |= (long) (by & 0x7f) << shift;
            if (by < 0x80) {
                return value;
            }
        }
        throw new IllegalArgumentException("a malformed PMTiles varint");
    }

    private synchronized byte[] read(long offset, long length, boolean directory) throws IOException {
        if (length < 0 || length > MAX_DIRECTORY_BYTES || offset < 0) {
            throw new IllegalArgumentException("basemap " + file + ": a PMTiles entry of " + length + " bytes at " + offset);
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw new IOException("the file ends before byte " + (offset + length));
            }
        }
        if (directory && internalCompression == 2) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(buf.array()))) {
                return in.readNBytes(MAX_DIRECTORY_BYTES);
            }
        }
        return buf.array();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
