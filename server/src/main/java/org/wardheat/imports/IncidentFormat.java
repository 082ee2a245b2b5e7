package org.wardheat.imports;

import org.wardheat.text.Header;

/** A kind of incident file: which dataset kind it makes, and how its rows are read given the header. */
public interface IncidentFormat {
    /** The dataset kind recorded for new datasets, e.g. {@code police-uk}. */
    String kind();

    /**
     * @param header the file's header row
     * @param source the file name, for messages
     * @throws ImportException when required columns are missing (naming them and the file)
     */
    RowParser parserFor(Header header, String source);

    /** Council records read through a column mapping (needle finds, encampments, any incident CSV). */
    static IncidentFormat council(ColumnMapping mapping) {
        return new IncidentFormat() {
            @Override
            public String kind() {
                return mapping.kind();
            }

            @Override
            public RowParser parserFor(Header header, String source) {
                return CouncilCsvParser.forHeader(header, mapping, source);
            }
        };
    }

    /** police.uk street-level crime. */
    IncidentFormat POLICE_UK = new IncidentFormat() {
        @Override
        public String kind() {
            return "police-uk";
        }

        @Override
        public RowParser parserFor(Header header, String source) {
            if (!PoliceUkParser.matches(header)) {
                throw new ImportException(source + ": line 1: not a police.uk street-level file: missing columns "
                        + PoliceUkParser.missing(header) + " (found " + header.names() + ")");
            }
            return PoliceUkParser.forHeader(header);
        }
    };
}
