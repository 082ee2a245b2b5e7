package org.wardheat.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class MbTilesTest {
    @TempDir
    Path dir;

    /** A 4×4 PNG whose colour encodes z, x and the TMS row, so a test can tell tiles apart. */
    public static byte[] png(int z, int x, int tmsRow) throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        int rgb = (40 * z + 1) << 16 | (60 * x + 1) << 8 | (80 * tmsRow + 1);
        for (int i = 0; i < 16; i++) {
            img.setRGB(i % 4, i / 4, rgb);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An MBTiles file with tiles z0 and z1 x0 (both rows), attribution with a tag and an entity. */
    public static Path write(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            s.execute("INSERT INTO metadata VALUES ('name','test'),('format','png'),('minzoom','0'),('maxzoom','1'),"
                    + "('bounds','-1.0,50.0,1.5,52.0'),('attribution','<a href=\"https://x.example\">&copy; Test County</a> &lt;script&gt;')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?,?,?,?)")) {
                for (int[] t : new int[][] {{0, 0, 0}, {1, 0, 0}, {1, 0, 1}}) {
                    ps.setInt(1, t[0]);
                    ps.setInt(2, t[1]);
                    ps.setInt(3, t[2]);
                    ps.setBytes(4, png(t[0], t[1], t[2]));
                    ps.executeUpdate();
                }
            }
        }
        return file;
    }

    @Test
    void tilesAreReadByWebMapRowsFromTheTmsTable() throws Exception {
        try (MbTiles t = MbTiles.open(write(dir.resolve("a.mbtiles")))) {
            assertArrayEquals(png(1, 0, 1), t.tile(1, 0, 0), "XYZ row 0 is the northern TMS row 1");
            assertArrayEquals(png(1, 0, 0), t.tile(1, 0, 1));
            assertNull(t.tile(1, 1, 0));
            assertEquals("© Test County <script>", t.attributionText());
            assertEquals(1, t.zoom("maxzoom", 19));
            assertArrayEquals(new double[] {-1, 50, 1.5, 52}, t.bounds());
            assertEquals("image/png", TileSource.mediaType(t.tile(0, 0, 0)));
        }
    }

    @Test
    void aVectorOrForeignFileIsRefusedByName() throws Exception {
        Path vector = write(dir.resolve("v.mbtiles"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + vector)) {
            c.createStatement().execute("UPDATE metadata SET value = 'pbf' WHERE name = 'format'");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MbTiles.open(vector));
        assertTrue(e.getMessage().contains("v.mbtiles") && e.getMessage().contains("pbf"), e.getMessage());
        Path text = Files.writeString(dir.resolve("t.mbtiles"), "hello");
        e = assertThrows(IllegalArgumentException.class, () -> MbTiles.open(text));
        assertTrue(e.getMessage().contains("not an MBTiles file"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MbTiles.open(dir.resolve("none.mbtiles")));
    }
}
