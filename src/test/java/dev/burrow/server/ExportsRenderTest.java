package dev.burrow.server;

import static dev.burrow.server.ExportFixtures.BARS;
import static dev.burrow.server.ExportFixtures.D;
import static dev.burrow.server.ExportFixtures.I;
import static dev.burrow.server.ExportFixtures.NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The files exports render: PNG charts, CSV and XLSX tables, read back and checked. */
class ExportsRenderTest extends ContractSupport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void fixtures() {
        ExportFixtures.setUp(s);
    }

    /** Creates an export, expects it rendered, and answers its file's bytes via the signed redirect. */
    private byte[] render(String body) {
        TestServer.Reply r = s.post("exports/", body);
        assertEquals(201, r.status(), r.body()::toString);
        assertTrue(r.body().get("has_content").asBoolean(), r.body()::toString);
        TestServer.Reply content = s.get("exports/" + r.body().get("id").asLong() + "/content/");
        assertEquals(302, content.status());
        var file = ExportsStorageTest.fetch(content.headers().firstValue("Location").orElseThrow(), null);
        assertEquals(200, file.statusCode());
        return file.body();
    }

    private static BufferedImage image(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "decodes as an image");
        return img;
    }

    /** Twice a whole number of CSS pixels, and within the 4000 × 5000 CSS px cap (contract/exports.md §10). */
    private static void assertDeviceScaleTwoWithinTheCap(BufferedImage img) {
        assertEquals(0, img.getWidth() % 2, "even width at device scale 2");
        assertEquals(0, img.getHeight() % 2, "even height at device scale 2");
        assertTrue(img.getWidth() <= 2 * 4000 && img.getHeight() <= 2 * 5000, img.getWidth() + "×" + img.getHeight());
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    /** Dark (text-coloured) pixels in a device-pixel rectangle. */
    private static int darkPixels(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 80 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 80) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void insightPngIsALineChartAtTwiceCssSize() throws Exception {
        BufferedImage img = image(render("{\"export_format\":\"image/png\",\"insight\":" + I + "}"));
        // contract/exports.md §10: an insight is 800 CSS px wide, drawn at device scale 2
        assertEquals(1600, img.getWidth());
        assertDeviceScaleTwoWithinTheCap(img);
        assertTrue(img.getHeight() < img.getWidth(), "a chart card, wider than tall");
        assertTrue(colours(img) > 10, "not blank");
        assertTrue(darkPixels(img, 60, 50, 700, 100) > 200, "title text in the title band");
        assertTrue(darkPixels(img, 0, 0, 1600, 40) == 0, "nothing dark above the card");
        // the first series' colour is drawn in the plot
        assertTrue(count(img, 0x1D4AFF, 60, 160, 1560, 900) > 100, "the line of the first series");
        assertTrue(count(img, 0xCD0F74, 60, 160, 1560, 1076) > 100, "the second series and its legend swatch");
    }

    private static int count(BufferedImage img, int rgb, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void boldNumberAndBarPngs() throws Exception {
        BufferedImage number = image(render("{\"export_format\":\"image/png\",\"insight\":" + NUMBER + "}"));
        assertEquals(1200, number.getWidth(), "a metric card is 600 CSS px wide");
        assertDeviceScaleTwoWithinTheCap(number);
        assertTrue(darkPixels(number, 0, 200, 1200, 640) > 2000, "the big number");
        BufferedImage bars = image(render("{\"export_format\":\"image/png\",\"insight\":" + BARS + "}"));
        assertEquals(1600, bars.getWidth());
        assertTrue(count(bars, 0x1D4AFF, 60, 160, 1560, 1000) > 5000, "filled bars");
    }

    @Test
    void sourceOverridesTheDisplayOfAnInsightPng() throws Exception {
        BufferedImage img = image(render("{\"export_format\":\"image/png\",\"insight\":" + I + ",\"export_context\":"
                + "{\"source\":{\"kind\":\"InsightVizNode\",\"source\":{\"kind\":\"TrendsQuery\",\"trendsFilter\":"
                + "{\"display\":\"ActionsBar\"}}}}}"));
        assertTrue(count(img, 0x1D4AFF, 60, 160, 1560, 900) > 5000, "bars instead of a line");
    }

    @Test
    void dashboardPngLaysOutItsInsightsAsTiles() throws Exception {
        BufferedImage img = image(render("{\"export_format\":\"image/png\",\"dashboard\":" + D + "}"));
        // contract/exports.md §10: a dashboard is 1920 CSS px wide, drawn at device scale 2
        assertEquals(3840, img.getWidth());
        assertDeviceScaleTwoWithinTheCap(img);
        assertTrue(colours(img) > 10);
        assertTrue(darkPixels(img, 40, 30, 1200, 110) > 300, "dashboard title");
        // the fixture's tiles in two columns and two rows: text in each quarter below the title
        int middle = img.getHeight() / 2;
        int left = darkPixels(img, 64, 160, 1800, middle);
        int right = darkPixels(img, 1990, 160, 3700, middle);
        int secondRow = darkPixels(img, 64, middle, 1800, img.getHeight());
        assertTrue(left > 100 && right > 100 && secondRow > 100, left + " " + right + " " + secondRow);
        assertTrue(count(img, 0xFFFFFF, 1920 - 8, 300, 1920 + 8, 800) == 0, "a gap between tile columns");
    }

    @Test
    void emptyDashboardStillRenders() throws Exception {
        ExportFixtures.object(s, "dashboard", 60, 1, "Empty", "{\"tiles\":[]}");
        BufferedImage img = image(render("{\"export_format\":\"image/png\",\"dashboard\":60}"));
        BufferedImage full = image(render("{\"export_format\":\"image/png\",\"dashboard\":" + D + "}"));
        assertEquals(3840, img.getWidth());
        assertDeviceScaleTwoWithinTheCap(img);
        assertTrue(img.getHeight() < full.getHeight(), "no tile rows: shorter than a dashboard with tiles");
        assertTrue(darkPixels(img, 40, 30, 1200, 110) > 300, "still the dashboard's title");
    }

    // ---- CSV ----

    private static List<List<String>> parseCsv(String text) {
        assertTrue(text.endsWith("\r\n"));
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            assertTrue(!line.contains("\n"), "no bare LF inside rows");
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

    /** The insight's stored data as the table an export should hold. */
    private List<List<String>> insightTable(long id) {
        JsonNode payload = dev.burrow.api.Json.parse(s.column("SELECT payload FROM objects WHERE type = 'insight'"
                + " AND id = ?", id).get(0));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("series"));
        payload.get("result").get(0).get("labels").forEach(l -> header.add(l.asText()));
        rows.add(header);
        for (JsonNode series : payload.get("result")) {
            List<String> row = new ArrayList<>(List.of(series.get("label").asText()));
            series.get("data").forEach(v -> row.add(v.asText()));
            rows.add(row);
        }
        return rows;
    }

    @Test
    void csvParsesBackToTheInsightsData() {
        byte[] csv = render("{\"export_format\":\"text/csv\",\"insight\":" + I + "}");
        assertEquals(insightTable(I), parseCsv(new String(csv, StandardCharsets.UTF_8)));
    }

    @Test
    void csvFromSourceAlone() {
        byte[] csv = render("{\"export_format\":\"text/csv\",\"export_context\":{\"source\":"
                + ExportFixtures.TRENDS_QUERY + "}}");
        assertEquals(insightTable(I), parseCsv(new String(csv, StandardCharsets.UTF_8)));
        TestServer.Reply unknown = s.post("exports/", "{\"export_format\":\"text/csv\",\"export_context\":{\"source\":"
                + "{\"kind\":\"HogQLQuery\",\"query\":\"select 1\"}}}");
        assertEquals(201, unknown.status());
        assertEquals(ExportRenderer.UNKNOWN_QUERY, unknown.body().get("exception").asText());
    }

    @Test
    void csvColumnsPickAndOrder() {
        byte[] csv = render("{\"export_format\":\"text/csv\",\"insight\":" + I + ",\"export_context\":{\"columns\":"
                + "[\"3-Jan-2024\",\"series\",\"missing\"]}}");
        assertEquals("3-Jan-2024,series,missing\r\n15,$pageview,\r\n5,signed_up,\r\n",
                new String(csv, StandardCharsets.UTF_8));
    }

    @Test
    void emptyResultsGiveTheErrorRow() {
        ExportFixtures.object(s, "insight", 70, 1, "Nothing", "{\"query\":{},\"result\":[]}");
        assertEquals("error\r\nNo data available or unable to format for export.\r\n",
                new String(render("{\"export_format\":\"text/csv\",\"insight\":70}"), StandardCharsets.UTF_8));
        assertEquals("a,b\r\n,\r\n", new String(render("{\"export_format\":\"text/csv\",\"insight\":70,"
                + "\"export_context\":{\"columns\":[\"a\",\"b\"]}}"), StandardCharsets.UTF_8));
    }

    private void formulaInsight() {
        ExportFixtures.object(s, "insight", 71, 1, "Injection", "{\"query\":{},\"result\":["
                + "{\"label\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\",\"labels\":[\"@a\",\"b\"],\"data\":[-5,\"+1\"]},"
                + "{\"label\":\"-cmd\",\"labels\":[\"@a\",\"b\"],\"data\":[1,\"@SUM(A1)\"]},"
                + "{\"label\":\"safe, quoted\",\"labels\":[\"@a\",\"b\"],\"data\":[2,3]}]}");
    }

    @Test
    void csvNeutralisesFormulas() {
        formulaInsight();
        List<List<String>> rows = parseCsv(new String(render("{\"export_format\":\"text/csv\",\"insight\":71}"),
                StandardCharsets.UTF_8));
        assertEquals(List.of(List.of("series", "'@a", "b"),
                List.of("'=HYPERLINK(\"http://x\",\"y\")", "-5", "'+1"),
                List.of("'-cmd", "1", "'@SUM(A1)"),
                List.of("safe, quoted", "2", "3")), rows, "numbers stay numbers; text is neutralised");
    }

    // ---- XLSX ----

    /** The cells of sheet1 (inline or shared strings), as rows of text; numbers marked with their type. */
    private static List<List<String>> readXlsx(byte[] xlsx) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        for (String part : List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml")) {
            assertTrue(parts.containsKey(part), "has " + part);
            xml(parts.get(part)); // well-formed
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList si = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < si.getLength(); i++) {
                shared.add(si.item(i).getTextContent());
            }
        }
        Document sheet = xml(parts.get("xl/worksheets/sheet1.xml"));
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = sheet.getElementsByTagName("row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            Element row = (Element) rowNodes.item(r);
            assertEquals(Integer.toString(r + 1), row.getAttribute("r"));
            List<String> cells = new ArrayList<>();
            NodeList cs = row.getElementsByTagName("c");
            for (int c = 0; c < cs.getLength(); c++) {
                Element cell = (Element) cs.item(c);
                String ref = cell.getAttribute("r");
                int col = columnIndex(ref.replaceAll("\\d", ""));
                while (cells.size() < col) {
                    cells.add("");
                }
                String t = cell.getAttribute("t");
                String text = switch (t) {
                    case "s" -> shared.get(Integer.parseInt(cell.getTextContent()));
                    case "inlineStr", "str" -> cell.getTextContent();
                    default -> "#" + cell.getElementsByTagName("v").item(0).getTextContent();
                };
                cells.add(text);
            }
            rows.add(cells);
        }
        return rows;
    }

    private static int columnIndex(String letters) {
        int n = 0;
        for (char ch : letters.toCharArray()) {
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(new String(bytes,
                StandardCharsets.UTF_8))));
    }

    @Test
    void xlsxOpensWithTheSameCells() throws Exception {
        List<List<String>> cells = readXlsx(render("{\"export_format\":\"" + XLSX + "\",\"insight\":" + I + "}"));
        List<List<String>> expected = insightTable(I);
        // numbers are numeric cells in the sheet
        List<List<String>> marked = new ArrayList<>();
        for (int r = 0; r < expected.size(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < expected.get(r).size(); c++) {
                row.add(r > 0 && c > 0 ? "#" + expected.get(r).get(c) : expected.get(r).get(c));
            }
            marked.add(row);
        }
        assertEquals(marked, cells);
    }

    @Test
    void xlsxNeutralisesFormulasAndDropsIllegalCharacters() throws Exception {
        formulaInsight();
        ExportFixtures.object(s, "insight", 72, 1, "Control", "{\"query\":{},\"result\":["
                + "{\"label\":\"bell\\u0007 <&>\",\"labels\":[\"x\"],\"data\":[1]}]}");
        List<List<String>> cells = readXlsx(render("{\"export_format\":\"" + XLSX + "\",\"insight\":71}"));
        assertEquals(List.of("'=HYPERLINK(\"http://x\",\"y\")", "#-5", "'+1"), cells.get(1));
        assertEquals(List.of("series", "'@a", "b"), cells.get(0));
        List<List<String>> control = readXlsx(render("{\"export_format\":\"" + XLSX + "\",\"insight\":72}"));
        assertEquals("bell <&>", control.get(1).get(0));
    }

    // ---- blocking versus background ----

    @Test
    void syncCreateIsFinal() {
        TestServer.Reply r = s.post("exports/", "{\"export_format\":\"text/csv\",\"insight\":" + I + "}");
        assertTrue(r.body().get("has_content").asBoolean());
        assertTrue(r.body().get("exception").isNull());
    }
}
