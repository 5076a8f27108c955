package org.lorebot.analyzers.dma;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated table shipped as a class-path resource: '#' lines are comments, the first
 * other line names the columns, every row must have all of them. Errors name the resource
 * and line, because these tables are meant to be edited by hand.
 */
public final class TsvResource {
    private final String name;
    private final List<String> columns;
    private final List<Row> rows;

    /** One data row, with its line number for error messages. */
    public record Row(int line, List<String> cells) {
        public String get(int column) {
            return cells.get(column);
        }
    }

    private TsvResource(String name, List<String> columns, List<Row> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    public static TsvResource load(Class<?> owner, String resource, String... expectedColumns) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + owner.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> columns = null;
            List<Row> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\t", -1));
                if (columns == null) {
                    columns = cells;
                    if (!columns.equals(List.of(expectedColumns))) {
                        throw new IllegalStateException(resource + ":" + number + ": expected columns "
                                + String.join(", ", expectedColumns) + " but found " + String.join(", ", cells));
                    }
                    continue;
                }
                if (cells.size() != columns.size()) {
                    throw new IllegalStateException(resource + ":" + number + ": expected " + columns.size()
                            + " tab-separated columns, found " + cells.size());
                }
                rows.add(new Row(number, cells));
            }
            if (columns == null) {
                throw new IllegalStateException(resource + ": no header line");
            }
            return new TsvResource(resource, columns, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** An error message that points at a row. */
    public IllegalStateException error(Row row, String message) {
        return new IllegalStateException(name + ":" + row.line() + ": " + message);
    }

    /** Splits a "; "-separated list cell; "-" is the empty list. */
    public static List<String> list(String cell) {
        if (cell.isBlank() || cell.strip().equals("-")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
