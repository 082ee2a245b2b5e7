package org.wardheat.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A ward's feature properties (name → text) as a JSON object in the store. */
final class PropertiesJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
    };

    private PropertiesJson() {
    }

    static String write(Map<String, String> properties) {
        try {
            return JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write ward properties: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> read(String json, String where) {
        try {
            return Collections.unmodifiableMap(JSON.readValue(json, TYPE));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored properties of ward " + where + " are damaged", e);
        }
    }
}
