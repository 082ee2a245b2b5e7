package org.wardheat.ogc;

import org.wardheat.query.EncampmentsQuery;
import org.wardheat.query.HotspotAnalysis;
import org.wardheat.query.RepeatsQuery;
import org.wardheat.query.WardsQuery;
import spark.Request;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The HTTP layer's one parameter binder, handed down by {@code ApiServer}: the OGC routes build every
 * query record through the same binder as the map's routes (on a {@link BoundRequest}, which names the
 * OGC parameters as the binder expects them), so validation, defaults and any checks made there are the same.
 *
 * @param wards       {@code QueryBinder::wards}
 * @param hotspot     {@code QueryBinder::hotspotAnalysis} (the request and the analysis: kde, gistar, change, classify, evaluate)
 * @param repeats     {@code QueryBinder::repeats}
 * @param encampments {@code QueryBinder::encampments}
 */
public record Binders(Function<Request, WardsQuery> wards, BiFunction<Request, String, HotspotAnalysis> hotspot,
                      Function<Request, RepeatsQuery> repeats, Function<Request, EncampmentsQuery> encampments) {
}
