package org.wardheat.query;

import org.wardheat.imports.ColumnMapping;
import org.wardheat.imports.IncidentFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How files are imported. CLI {@code import}; HTTP {@code POST /api/import}.
 *
 * @param dataset    the dataset to add to ({@link Limits#DATASET_NAME}); null for the default: {@value #POLICE_UK},
 *                   the preset's name, or {@value #COUNCIL} with a mapping
 * @param preset     {@code needle-finds} or {@code encampments}, or null
 * @param boundaries the set for the report's "outside every ward" count, or null for the only set
 * @param columns    role = column overrides (roles of {@link ColumnMapping#ROLES}; {@code category=NAME} fixes the category)
 * @param postcodeLookup an ONS Postcode Directory-style CSV locating council rows that have a postcode and no coordinates
 *                   (CLI {@code --postcode-lookup FILE}; HTTP a multipart file field {@code postcode_lookup}), or null
 * @param postcodeLookupName the lookup's name as reported (the file name the user gave), or null for the path's
 */
public record ImportOptions(String dataset, String preset, String boundaries, Map<String, String> columns, java.nio.file.Path postcodeLookup,
                            String postcodeLookupName) {
    public static final String POLICE_UK = "police-uk";
    public static final String COUNCIL = "council";
    public static final List<String> PRESETS = List.of("needle-finds", "encampments");

    public ImportOptions {
        dataset = Checks.optional("dataset", dataset);
        preset = Checks.optional("preset", preset);
        boundaries = Checks.optional("boundaries", boundaries);
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        postcodeLookupName = postcodeLookup == null ? null : postcodeLookupName != null ? postcodeLookupName
                : postcodeLookup.getFileName().toString();
    }

    /** Without a postcode lookup. */
    public ImportOptions(String dataset, String preset, String boundaries, Map<String, String> columns) {
        this(dataset, preset, boundaries, columns, null, null);
    }

    /** The same options with a postcode lookup ({@code name} as reported). */
    public ImportOptions withPostcodeLookup(java.nio.file.Path lookup, String name) {
        return new ImportOptions(dataset, preset, boundaries, columns, lookup, name);
    }

    public void validate() {
        if (dataset != null && !dataset.matches(Limits.DATASET_NAME)) {
            throw new InvalidParameterException("dataset", "'" + dataset + "' is not allowed; expected 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (preset != null && !PRESETS.contains(preset)) {
            throw new InvalidParameterException("preset", "'" + preset + "' is not allowed; expected " + String.join(", ", PRESETS));
        }
        for (String role : columns.keySet()) {
            if (!role.equals("category") && !role.equals("kind") && !ColumnMapping.ROLES.contains(role)) {
                throw new InvalidParameterException("map_" + role, "'" + role + "' is not a column role; expected " + String.join(", ", ColumnMapping.ROLES));
            }
        }
    }

    /** The column mapping: the preset's (with overrides), the overrides alone, or null for police.uk files. */
    public ColumnMapping mapping(ColumnMapping fromFile) {
        ColumnMapping base = preset != null ? ColumnMapping.preset(preset) : fromFile;
        if (base == null) {
            return columns.isEmpty() ? null : ColumnMapping.of(columns);
        }
        return columns.isEmpty() ? base : base.with(columns);
    }

    public IncidentFormat format(ColumnMapping mapping) {
        return mapping == null ? IncidentFormat.POLICE_UK : IncidentFormat.council(mapping);
    }

    /** The dataset the files go to. */
    public String datasetOr(ColumnMapping mapping) {
        return dataset != null ? dataset : preset != null ? preset : mapping != null ? COUNCIL : POLICE_UK;
    }
}
