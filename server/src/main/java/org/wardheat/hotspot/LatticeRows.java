package org.wardheat.hotspot;

/**
 * Adds one incident's quartic kernel to the squares of a square grid's lattice within the bandwidth, row
 * by row: for each row of centres within h of the incident, the run of columns within h (the disc's chord),
 * each square's term computed exactly as the centre-index search does ({@code dx = x_cell − x}, {@code d² = dx² + dy²},
 * {@code u = 1 − d²/h²}, adding {@code w·u·u} where {@code d² ≤ h²}), so both give the same densities to
 * the last bit. Coordinates in metres, in the grid's projected CRS.
 */
final class LatticeRows {
    private final SquareLattice lattice;
    private final double[] columnX;
    private final double[] rowY;
    private final int[] cellAt;

    LatticeRows(Grid grid) {
        this.lattice = grid.lattice();
        this.columnX = new double[lattice.columns()];
        this.rowY = new double[lattice.rows()];
        for (int c = 0; c < columnX.length; c++) {
            columnX[c] = lattice.centreX(c);
        }
        for (int r = 0; r < rowY.length; r++) {
            rowY[r] = lattice.centreY(r);
        }
        this.cellAt = new int[lattice.size()];
        for (int i = 0; i < cellAt.length; i++) {
            cellAt[i] = grid.cellAt(i);
        }
    }

    /** A sum per lattice square, for {@link #add} (the lattice's size; squares without a cell are summed and not read). */
    double[] newSums() {
        return new double[cellAt.length];
    }

    /** Each grid cell's sum out of {@code sums} (from {@link #newSums}). */
    double[] perCell(double[] sums, int cells) {
        double[] out = new double[cells];
        for (int square = 0; square < cellAt.length; square++) {
            if (cellAt[square] >= 0) {
                out[cellAt[square]] = sums[square];
            }
        }
        return out;
    }

    /**
     * Adds {@code w} × (1 − d²/h²)² to {@code sums[square]} for every lattice square whose centre is at distance
     * d ≤ h from (x, y).
     *
     * @param sums one value per lattice square ({@link #newSums})
     * @param h    the bandwidth in metres
     * @param w    the incident's weight times the kernel's normalising constant, in 1/m²
     */
    void add(double[] sums, double x, double y, double h, double w) {
        double h2 = h * h;
        double s = lattice.side();
        int r0 = Math.max(0, (int) Math.floor((y - h - rowY[0]) / s) - 1);
        int r1 = Math.min(rowY.length - 1, (int) Math.ceil((y + h - rowY[0]) / s) + 1);
        int columns = columnX.length;
        for (int r = r0; r <= r1; r++) {
            double dy = rowY[r] - y;
            if (dy * dy > h2) {
                continue;
            }
            double half = Math.sqrt(h2 - dy * dy); // the row's half-chord; then trimmed to the squares within h exactly
            int from = Math.max(0, (int) Math.floor((x - half - columnX[0]) / s) - 1);
            int to = Math.min(columns - 1, (int) Math.ceil((x + half - columnX[0]) / s) + 1);
            while (from <= to && squared(columnX[from] - x, dy) > h2) {
                from++;
            }
            while (to >= from && squared(columnX[to] - x, dy) > h2) {
                to--;
            }
            int base = r * columns;
            for (int c = from; c <= to; c++) {
                double dx = columnX[c] - x;
                double d2 = dx * dx + dy * dy;
                double u = 1 - d2 / h2;
                sums[base + c] += w * u * u;
            }
        }
    }

    private static double squared(double dx, double dy) {
        return dx * dx + dy * dy;
    }
}
