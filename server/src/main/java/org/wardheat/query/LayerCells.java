package org.wardheat.query;

import org.wardheat.hotspot.DrawnCells;

import java.util.Map;

/**
 * Which cells a hotspot layer sends to a map (HTTP {@code /api/hotspots/{analysis}} as GeoJSON; exports always send
 * every cell). See {@link DrawnCells}.
 *
 * @param only     {@code all} (default), {@code nonzero} or {@code significant} (the cells a map draws)
 * @param kdeFloor for KDE with {@code significant}: the lowest density sent, as a multiple of the area's average
 *                 ({@link Limits#KDE_FLOOR}), default {@value DrawnCells#DEFAULT_KDE_FLOOR}
 */
public record LayerCells(DrawnCells.Only only, double kdeFloor) {
    public LayerCells {
        only = only == null ? DrawnCells.Only.ALL : only;
    }

    public static Map<String, DrawnCells.Only> words() {
        return Values.words(DrawnCells.Only.values());
    }

    public void validate() {
        Limits.KDE_FLOOR.check("kde_floor", kdeFloor);
    }
}
