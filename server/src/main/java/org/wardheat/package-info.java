/**
 * wardheat's server, in layers. A package uses only packages of lower layers (never one above it, nor
 * another package of its own layer); {@code ArchitectureTest} checks this on the source text.
 *
 * <ol start="0">
 *   <li>{@code boundaries}, {@code text} (the boundaries module): boundary reading, CRS detection and
 *       transform ({@code Projection}), {@code WardIndex}, ward populations, the CSV reader.</li>
 *   <li>{@code model}: the shared values: {@code Incident} (one record, read or stored), {@code Period},
 *       {@code IncidentTable} (all incidents in columns; built by the store, immutable).</li>
 *   <li>{@code geom}: geometry helpers: {@code PointIndex}, the one point index behind DBSCAN, Knox and
 *       the grid-cell neighbour searches of Gi* and KDE; {@code stats}: exact Poisson tests and
 *       intervals and their plain readings (JDK and commons-math3 only).</li>
 *   <li>the analysis kernels, plain functions of their inputs: {@code analysis} (ward statistics),
 *       {@code hotspot} (grids, KDE, Gi*, change, classification, accuracy), {@code repeats} (places,
 *       outliers, needle table, encampments, near repeat).</li>
 *   <li>{@code store}: the SQLite database, split by aggregate ({@code Database}, {@code Schema},
 *       {@code BoundaryStore}, {@code IncidentStore} + {@code ImportWriter}, {@code WardCounts}, {@code ImportLog},
 *       {@code FocusAreaStore}, the {@code Store} facade). The only package that runs SQL.</li>
 *   <li>{@code imports}: reading incident files (police.uk, council records) and importing them through
 *       the store's {@code ImportWriter}.</li>
 *   <li>{@code service}: what the CLI and HTTP call: {@code Workspace} (store + immutable {@code Snapshot}
 *       of the committed data), {@code HotspotService}, {@code RepeatService}, {@code AreaService}, with
 *       their bounded caches.</li>
 *   <li>{@code output}: the CSV cell writer, the one number text ({@code Numbers}), the ward map layer.</li>
 *   <li>{@code export}: tables and layers as GeoJSON, CSV and GeoPackage.</li>
 *   <li>{@code demo}: the synthetic demo borough.</li>
 *   <li>{@code query}: the seam the CLI and HTTP share: one typed query record per analysis with its
 *       defaults and {@code validate()} against the ranges of {@code Limits}, and {@code Analyses}, which
 *       checks a query, runs it on the services and builds its one table.</li>
 *   <li>{@code ogc}: OGC API – Features under {@code /ogc} (the map's layers for QGIS, ArcGIS, GDAL): collections,
 *       paging, bbox, datetime, CRS; query records come from the HTTP layer's binder, handed down as {@code Binders}.</li>
 *   <li>{@code http}: the API routes ({@code ApiServer} wires them, the OGC routes too).</li>
 *   <li>{@code cli}: the commands.</li>
 * </ol>
 * <p>{@code Cancellation}, in this package, is below every layer: the kernels' hot loops call its
 * {@code check()} so that the HTTP analysis pool can stop them.
 */
package org.wardheat;
