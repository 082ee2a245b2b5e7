package org.wardheat.hotspot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.wardheat.geom.PointIndex;

class GetisOrdGiStarTest {
    /**
     * Five cells in a row, neighbours = adjacent cells and self, counts 0 0 10 0 0: n = 5, mean 2,
     * s = √(100/5 − 4) = 4. Middle cell: (10 − 2·3) / (4 √((5·3 − 9)/4)) = 4 / 4.899 = 0.8165.
     * End cell: (0 − 2·2) / (4 √((5·2 − 4)/4)) = −0.8165.
     */
    @Test
    void handCheckedLine() {
        int[][] nb = {{0, 1}, {0, 1, 2}, {1, 2, 3}, {2, 3, 4}, {3, 4}};
        double[] z = GetisOrdGiStar.z(new double[]{0, 0, 10, 0, 0}, nb);
        double v = 4 / (4 * Math.sqrt(1.5));
        assertArrayEquals(new double[]{-v, v, v, v, -v}, z, 1e-12);
        assertArrayEquals(new double[5], GetisOrdGiStar.z(new double[]{3, 3, 3, 3, 3}, nb), "all equal: nothing stands out");
    }

    @Test
    void pValuesAdjustmentsAndBins() {
        assertEquals(0.05, GetisOrdGiStar.pValue(1.959963984540054), 1e-12);
        assertEquals(1.973175e-9, GetisOrdGiStar.pValue(-6), 1e-14);
        double[] p = {0.01, 0.04, 0.03, 0.005, 0.5};
        // R: p.adjust(p, "BH") and p.adjust(p, "holm")
        assertArrayEquals(new double[]{0.025, 0.05, 0.05, 0.025, 0.5}, PAdjust.FDR.adjust(p), 1e-15);
        assertArrayEquals(new double[]{0.04, 0.09, 0.09, 0.025, 0.5}, PAdjust.HOLM.adjust(p), 1e-15);
        assertArrayEquals(p, PAdjust.NONE.adjust(p));
        assertEquals(3, GetisOrdGiStar.bin(4, 0.001));
        assertEquals(2, GetisOrdGiStar.bin(2.1, 0.04));
        assertEquals(1, GetisOrdGiStar.bin(1.7, 0.09));
        assertEquals(0, GetisOrdGiStar.bin(1.7, 0.1));
        assertEquals(-2, GetisOrdGiStar.bin(-2.1, 0.04));
    }

    /**
     * spdep::localG on the 6,575 cell counts of Maidstone ASB 2022 (250 m cells): z-scores, p-values and
     * both adjustments agree to 1e-9. The counts themselves are checked in HotspotRealDataTest.
     */
    @Test
    void matchesSpdepLocalG() throws Exception {
        List<String[]> counts = Reference.rows("maidstone-asb-2022-250m-counts.csv");
        List<String[]> spdep = Reference.rows("maidstone-asb-2022-250m-spdep.csv");
        int n = counts.size();
        double[] x = new double[n], e = new double[n], nn = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Double.parseDouble(counts.get(i)[1]);
            nn[i] = Double.parseDouble(counts.get(i)[2]);
            x[i] = Double.parseDouble(counts.get(i)[3]);
        }
        PointIndex index = new PointIndex(e, nn, 250);
        int[][] nb = new int[n][];
        for (int i = 0; i < n; i++) {
            nb[i] = index.within(e[i], nn[i], 250 * Math.sqrt(2) * (1 + 1e-6));
        }
        GetisOrdGiStar.Result fdr = GetisOrdGiStar.compute(x, nb, PAdjust.FDR);
        double[] holm = PAdjust.HOLM.adjust(fdr.p());
        for (int i = 0; i < n; i++) {
            String[] r = spdep.get(i);
            assertEquals(counts.get(i)[0], r[0]);
            assertEquals(Double.parseDouble(r[1]), fdr.z()[i], 1e-9, "z of " + r[0]);
            assertEquals(Double.parseDouble(r[2]), fdr.p()[i], 1e-9, "p of " + r[0]);
            assertEquals(Double.parseDouble(r[3]), fdr.pAdjusted()[i], 1e-9, "BH p of " + r[0]);
            assertEquals(Double.parseDouble(r[4]), holm[i], 1e-9, "Holm p of " + r[0]);
        }
    }
}
