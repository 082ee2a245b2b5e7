package org.wardheat.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PmTilesTest {
    @TempDir
    Path dir;

    @Test
    void tileIdsFollowTheSpecsHilbertOrder() {
        // PMTiles v3 spec: z0 is 0; z1 goes (0,0), (0,1), (1,1), (1,0) as ids 1..4; z2 starts at 5
        assertEquals(0, PmTiles.tileId(0, 0, 0));
        assertEquals(1, PmTiles.tileId(1, 0, 0));
        assertEquals(2, PmTiles.tileId(1, 0, 1));
        assertEquals(3, PmTiles.tileId(1, 1, 1));
        assertEquals(4, PmTiles.tileId(1, 1, 0));
        assertEquals(5, PmTiles.tileId(2, 0, 0));
        assertEquals(20, PmTiles.tileId(2, 3, 0), "the last tile of z2 is its top-right corner");
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** A gzip-compressed root directory: z0 (id 0) and z1 (0,1) (id 2) with a run of 2 (ids 2, 3 share one tile). */
    static Path write(Path file, byte[] t0, byte[] t1) throws Exception {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        varint(d, 2);
        varint(d, 0);
        varint(d, 2); // ids 0, 2
        varint(d, 1);
        varint(d, 2); // run lengths
        varint(d, t0.length);
        varint(d, t1.length);
        varint(d, 1);
        varint(d, 0); // offsets: 0 (as 0 + 1), then contiguous
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(z)) {
            g.write(d.toByteArray());
        }
        byte[] root = z.toByteArray();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(m)) { // metadata is compressed as the directories are
            g.write("{\"attribution\":\"<b>PM</b> &amp; co\",\"name\":\"pm\"}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] meta = m.toByteArray();
        ByteBuffer h = ByteBuffer.allocate(127).order(ByteOrder.LITTLE_ENDIAN);
        h.put("PMTiles".getBytes(StandardCharsets.US_ASCII)).put((byte) 3);
        long rootAt = 127, metaAt = rootAt + root.length, dataAt = metaAt + meta.length;
        h.putLong(rootAt).putLong(root.length).putLong(metaAt).putLong(meta.length).putLong(dataAt).putLong(0)
                .putLong(dataAt).putLong(t0.length + t1.length).putLong(3).putLong(2).putLong(2);
        h.put((byte) 1).put((byte) 2).put((byte) 1).put((byte) 2).put((byte) 0).put((byte) 1);
        h.putInt(-10_000_000).putInt(500_000_000).putInt(15_000_000).putInt(520_000_000);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(h.array());
        all.write(root);
        all.write(meta);
        all.write(t0);
        all.write(t1);
        return Files.write(file, all.toByteArray());
    }

    @Test
    void tilesRunsAndMetadataAreRead() throws Exception {
        byte[] t0 = MbTilesTest.png(0, 0, 0), t1 = MbTilesTest.png(1, 0, 0);
        try (TileSource p = TileSource.open(write(dir.resolve("a.pmtiles"), t0, t1))) {
            assertArrayEquals(t0, p.tile(0, 0, 0));
            assertArrayEquals(t1, p.tile(1, 0, 1), "id 2");
            assertArrayEquals(t1, p.tile(1, 1, 1), "id 3, in the run");
            assertNull(p.tile(1, 0, 0), "id 1 is absent");
            assertNull(p.tile(1, 1, 0), "id 4 is past the run");
            assertEquals("PM & co", p.attributionText());
            assertEquals(1, p.zoom("maxzoom", 19));
            assertArrayEquals(new double[] {-1, 50, 1.5, 52}, p.bounds(), 1e-9);
        }
        Path bad = Files.writeString(dir.resolve("b.pmtiles"), "PMTiles but not really");
        assertThrows(IllegalArgumentException.class, () -> TileSource.open(bad));
    }
}
