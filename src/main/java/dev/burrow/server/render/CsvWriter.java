package dev.burrow.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A {@link Table} as CSV: header first, every row ending in CRLF, minimal quoting, UTF-8. */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static byte[] write(Table table) {
        StringBuilder sb = new StringBuilder();
        line(sb, table.header().stream().map(h -> (Object) h).toList());
        for (List<Object> row : table.rows()) {
            line(sb, row);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(cells.get(i)));
        }
        sb.append("\r\n");
    }

    private static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof JsonNode n && n.isNumber()) {
            return n.asText();
        }
        String text = Table.neutralise(cell.toString());
        boolean quote = text.isEmpty() ? false : text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r'
                || c == '\n');
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
