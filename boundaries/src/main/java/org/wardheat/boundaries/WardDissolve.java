package org.wardheat.boundaries;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the wards of a boundary set into larger areas (districts, community safety partnership areas,
 * neighbourhood policing areas) by the value of one ward property: the areas' polygons are the JTS union
 * of their wards' polygons (WGS84 lon/lat, as stored), their populations the sum of their wards'.
 */
public final class WardDissolve {
    private WardDissolve() {
    }

    /**
     * @param areas      the merged areas in code order ({@link Ward#district()} is null)
     * @param nameField  the property the names came from, or {@code null} when the codes are the names
     * @param members    the ward codes of each area, by area code
     * @param residents  each area's residents (sum over its wards); an area with a ward lacking a figure is absent
     * @param properties each area's properties ({@code field} → code, {@code nameField} → name), in the order of {@code areas}
     */
    public record Result(List<Ward> areas, String nameField, Map<String, List<String>> members,
                         Map<String, Double> residents, List<Map<String, String>> properties) {
    }

    /**
     * @param wards      the wards of the set
     * @param properties each ward's source feature properties, by ward code
     * @param residents  each ward's residents, by ward code (may lack some or all wards)
     * @param field      the property to group by, e.g. {@code LAD25CD}
     * @throws BoundaryException when a ward has no value for {@code field}
     */
    public static Result dissolve(List<Ward> wards, Map<String, Map<String, String>> properties,
                                  Map<String, Double> residents, String field) {
        if (field == null || field.isBlank()) {
            throw new BoundaryException("name the ward property to dissolve by (e.g. LAD25CD)");
        }
        String nameField = nameFieldFor(field, wards, properties);
        TreeMap<String, List<Ward>> groups = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Ward w : wards) {
            Map<String, String> props = properties.getOrDefault(w.code(), Map.of());
            String value = props.get(field);
            if (value == null || value.isBlank()) {
                throw new BoundaryException("ward " + w.code() + " (" + w.name() + ") has no value for property '" + field
                        + "'" + (props.isEmpty() ? "; the set keeps no feature properties (add it again with this version)"
                        : " (properties: " + String.join(", ", props.keySet()) + ")"));
            }
            groups.computeIfAbsent(value, k -> new ArrayList<>()).add(w);
            names.putIfAbsent(value, nameField == null ? value : props.get(nameField));
        }
        List<Ward> areas = new ArrayList<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        List<Map<String, String>> areaProps = new ArrayList<>();
        for (Map.Entry<String, List<Ward>> g : groups.entrySet()) {
            List<Geometry> parts = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            double sum = 0;
            boolean complete = true;
            for (Ward w : g.getValue()) {
                parts.add(w.geometry());
                codes.add(w.code());
                Double r = residents.get(w.code());
                complete &= r != null;
                sum += r == null ? 0 : r;
            }
            Geometry union = UnaryUnionOp.union(parts);
            if (!(union instanceof Polygonal)) {
                throw new BoundaryException("the union of the wards of " + g.getKey() + " is " + union.getGeometryType());
            }
            areas.add(new Ward(g.getKey(), names.get(g.getKey()), null, union));
            members.put(g.getKey(), List.copyOf(codes));
            if (complete) {
                sums.put(g.getKey(), sum);
            }
            Map<String, String> p = new LinkedHashMap<>();
            p.put(field, g.getKey());
            if (nameField != null) {
                p.put(nameField, names.get(g.getKey()));
            }
            areaProps.add(Collections.unmodifiableMap(p));
        }
        return new Result(List.copyOf(areas), nameField, Collections.unmodifiableMap(members),
                Collections.unmodifiableMap(sums), List.copyOf(areaProps));
    }

    /**
     * The properties a set can be dissolved by: those every ward has a value for, each with the number of areas it
     * would make (its distinct values), in the order of the first ward's properties. For the page's dissolve form.
     *
     * @param wards      the wards of the set
     * @param properties each ward's source feature properties, by ward code
     */
    public static Map<String, Integer> fields(List<Ward> wards, Map<String, Map<String, String>> properties) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (wards.isEmpty()) {
            return out;
        }
        for (String field : properties.getOrDefault(wards.get(0).code(), Map.of()).keySet()) {
            java.util.Set<String> values = new java.util.HashSet<>();
            for (Ward w : wards) {
                String v = properties.getOrDefault(w.code(), Map.of()).get(field);
                if (v == null || v.isBlank()) {
                    values = null;
                    break;
                }
                values.add(v);
            }
            if (values != null) {
                out.put(field, values.size());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code LAD25CD} → {@code LAD25NM} when every ward has that property; otherwise null. */
    private static String nameFieldFor(String field, List<Ward> wards, Map<String, Map<String, String>> properties) {
        if (!field.endsWith("CD") && !field.endsWith("cd")) {
            return null;
        }
        String candidate = field.substring(0, field.length() - 2) + (field.endsWith("CD") ? "NM" : "nm");
        for (Ward w : wards) {
            String v = properties.getOrDefault(w.code(), Map.of()).get(candidate);
            if (v == null || v.isBlank()) {
                return null;
            }
        }
        return candidate;
    }
}
