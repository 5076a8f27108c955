package org.lorebot.bot.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code name=value&...} as in URLs and posted forms. */
final class QueryString {

    private QueryString() {
    }

    /**
     * The parameters, decoded, values in order of appearance.
     *
     * @throws IllegalArgumentException on a broken escape
     */
    static Map<String, List<String>> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = PercentCoding.decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : PercentCoding.decodeQueryComponent(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        params.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return params;
    }

    /** {@code name=value} with the value encoded for a query string. */
    static String pair(String name, String value) {
        return name + "=" + PercentCoding.encode(value).replace("+", "%2B").replace("&", "%26")
                .replace("=", "%3D").replace(";", "%3B");
    }
}
