package org.wardheat.service;

import org.wardheat.boundaries.DeprivationContext;
import org.wardheat.boundaries.Ward;
import org.wardheat.model.AgeGroup;
import org.wardheat.store.ContextStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Context per ward of a boundary set, stored once ({@code wardheat context --store}) from the IoD 2019 and Census 2021
 * files ({@link DeprivationContext}): deprivation and residents by age for the map's context layer, the focus-area
 * summary, and rates per population of an age group ({@code --per-population 16-24}).
 */
public final class WardContexts {
    private WardContexts() {
    }

    /**
     * Figures of one ward or of wards together.
     *
     * @param residents         Census 2021 residents placed in the wards
     * @param meanImdRank       population-weighted mean IMD 2019 rank (1 = most deprived in England), null without IoD residents
     * @param shareImdDecile1   share of residents (with an IoD figure) in the most deprived decile, null without
     * @param byAge             residents per Census band, in band order
     */
    public record Figures(double residents, Double meanImdRank, Double shareImdDecile1, Map<String, Double> byAge) {
    }

    /** Computes each ward's context and stores it for the set (replacing what was stored). */
    public static void store(Workspace workspace, String setId, DeprivationContext ctx, String source) {
        List<ContextStore.WardContext> rows = new ArrayList<>();
        for (Ward w : workspace.boundarySet(setId).wards()) {
            DeprivationContext.Figures f = ctx.figures(List.of(w.code()));
            rows.add(new ContextStore.WardContext(w.code(), f.residents(), f.residentsWithIod(),
                    f.meanRank() == null ? 0 : f.meanRank() * f.residentsWithIod(),
                    f.shareMostDeprived() == null ? 0 : f.shareMostDeprived() * f.residentsWithIod(), f.byAge()));
        }
        workspace.store().context().replace(setId, rows, source);
    }

    /** Whether context is stored for the set. */
    public static boolean stored(Workspace workspace, String setId) {
        return !workspace.store().context().list(setId).isEmpty();
    }

    /** Each ward's figures (code order); empty when none are stored for the set. */
    public static Map<String, Figures> byWard(Workspace workspace, String setId) {
        Map<String, Figures> out = new LinkedHashMap<>();
        for (ContextStore.WardContext w : workspace.store().context().list(setId)) {
            out.put(w.wardCode(), figures(List.of(w)));
        }
        return out;
    }

    /** The wards {@code codes} together (every ward when empty); null when no context is stored for the set. */
    public static Figures together(Workspace workspace, String setId, Collection<String> codes) {
        List<ContextStore.WardContext> all = workspace.store().context().list(setId);
        if (all.isEmpty()) {
            return null;
        }
        return figures(all.stream().filter(w -> codes.isEmpty() || codes.contains(w.wardCode())).toList());
    }

    /**
     * The figures of a drawn area: each ward's stored residents, IoD sums and age bands taken in the share of it
     * inside the area ({@code shares}: ward code → share of its area, as residents are apportioned for drawn
     * areas); an estimate that assumes residents spread evenly over each ward. Null when no context is stored.
     */
    public static Figures apportioned(Workspace workspace, String setId, Map<String, Double> shares) {
        List<ContextStore.WardContext> all = workspace.store().context().list(setId);
        if (all.isEmpty()) {
            return null;
        }
        List<ContextStore.WardContext> parts = new ArrayList<>();
        for (ContextStore.WardContext w : all) {
            Double share = shares.get(w.wardCode());
            if (share != null && share > 0) {
                Map<String, Double> byAge = new LinkedHashMap<>();
                w.byAge().forEach((band, n) -> byAge.put(band, n * share));
                parts.add(new ContextStore.WardContext(w.wardCode(), w.residents() * share, w.residentsWithIod() * share,
                        w.rankSum() * share, w.decile1Residents() * share, byAge));
            }
        }
        return figures(parts);
    }

    private static Figures figures(List<ContextStore.WardContext> wards) {
        double residents = 0, withIod = 0, rankSum = 0, decile1 = 0;
        Map<String, Double> byAge = new LinkedHashMap<>();
        for (ContextStore.WardContext w : wards) {
            residents += w.residents();
            withIod += w.residentsWithIod();
            rankSum += w.rankSum();
            decile1 += w.decile1Residents();
            w.byAge().forEach((band, n) -> byAge.merge(band, n, Double::sum));
        }
        return new Figures(residents, withIod == 0 ? null : rankSum / withIod, withIod == 0 ? null : decile1 / withIod, byAge);
    }

    /**
     * Residents of the age group per ward code, from the stored Census bands that make it up.
     *
     * @throws IllegalArgumentException when no residents by age are stored for the set, or the group cuts a band
     */
    public static Map<String, Double> population(Workspace workspace, String setId, AgeGroup group) {
        List<ContextStore.WardContext> all = workspace.store().context().list(setId);
        Map<String, AgeGroup> bands = new LinkedHashMap<>();
        all.forEach(w -> w.byAge().keySet().forEach(b -> bands.computeIfAbsent(b, AgeGroup::ofCensusBand)));
        bands.values().removeIf(java.util.Objects::isNull);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("no residents by age are stored for boundary set '" + setId
                    + "': store them with 'wardheat context --boundaries " + setId + " ... --store'");
        }
        if (!group.madeOf(bands.values())) {
            throw new IllegalArgumentException("the age group " + group + " is not made of whole Census bands; the stored bands are "
                    + bands.values().stream().map(AgeGroup::toString).toList());
        }
        Map<String, Double> out = new TreeMap<>();
        for (ContextStore.WardContext w : all) {
            double n = 0;
            for (Map.Entry<String, Double> e : w.byAge().entrySet()) {
                AgeGroup b = bands.get(e.getKey());
                if (b != null && group.contains(b)) {
                    n += e.getValue();
                }
            }
            out.put(w.wardCode(), n);
        }
        return out;
    }
}
