package nl.adreszicht.registers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * The cell texts of the worksheets of an Excel workbook (.xlsx, Office Open XML), for CBS's tables that are published
 * as workbooks. Only what a table needs: shared strings, inline strings and numbers as their text, in rows and columns
 * by their cell references; no formulas are evaluated (a cell holds its last computed value) and no styles are read. A
 * worksheet of a published table is small (hundreds of rows), so it is read whole.
 */
final class XlsxSheets {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final XMLInputFactory FACTORY = factory();

    private XlsxSheets() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Whether the file is a zip (an .xlsx is one), by its first bytes. */
    static boolean isWorkbook(byte[] start) {
        return start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
    }

    /** Per worksheet (in the order of their part names, sheet1, sheet2, ...): its rows of cell texts. */
    static List<List<List<String>>> read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> strings = new ArrayList<>();
            ZipEntry shared = zip.getEntry("xl/sharedStrings.xml");
            if (shared != null) {
                try (InputStream in = zip.getInputStream(shared)) {
                    strings = sharedStrings(in);
                }
            }
            Map<Integer, String> sheets = new TreeMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.matches("xl/worksheets/sheet[0-9]+\\.xml")) {
                    sheets.put(Integer.parseInt(name.replaceAll("[^0-9]", "")), name);
                }
            }
            if (sheets.isEmpty()) {
                throw new IllegalArgumentException(file.getFileName()
                        + " is geen Excel-werkmap (.xlsx): geen werkbladen" + " gevonden. Er is niets geladen.");
            }
            List<List<List<String>>> result = new ArrayList<>();
            for (String name : sheets.values()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    result.add(sheet(in, strings));
                }
            }
            return result;
        } catch (ZipException broken) {
            throw new IllegalArgumentException(
                    file.getFileName() + " is geen leesbare Excel-werkmap (" + broken.getMessage() + ")."
                            + " Er is niets geladen.",
                    broken);
        } catch (XMLStreamException broken) {
            throw new IllegalArgumentException(
                    file.getFileName() + " is geen geldige Excel-werkmap: " + broken.getMessage()
                            + ". Er is niets geladen.",
                    broken);
        }
    }

    private static List<String> sharedStrings(InputStream in) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
        @Nullable StringBuilder text = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && MAIN.equals(xml.getNamespaceURI())) {
                switch (xml.getLocalName()) {
                    case "si" -> text = new StringBuilder();
                    // A run of rich text, or the plain text: both are <t>; a phonetic reading (<rPh>) is no text.
                    case "t" -> {
                        String t = xml.getElementText();
                        if (text != null) {
                            text.append(t);
                        }
                    }
                    case "rPh" -> skip(xml);
                    default -> {}
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && MAIN.equals(xml.getNamespaceURI())
                    && xml.getLocalName().equals("si")
                    && text != null) {
                strings.add(text.toString());
                text = null;
            }
        }
        return strings;
    }

    private static List<List<String>> sheet(InputStream in, List<String> strings) throws XMLStreamException {
        List<List<String>> rows = new ArrayList<>();
        XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
        @Nullable List<String> row = null;
        String type = "";
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && MAIN.equals(xml.getNamespaceURI())) {
                switch (xml.getLocalName()) {
                    case "row" -> {
                        String r = xml.getAttributeValue(null, "r");
                        int number = r == null ? rows.size() + 1 : Integer.parseInt(r);
                        while (rows.size() < number - 1) {
                            rows.add(List.of());
                        }
                        row = new ArrayList<>();
                        rows.add(row);
                    }
                    case "c" -> {
                        String ref = xml.getAttributeValue(null, "r");
                        column = ref != null ? column(ref) : row != null ? row.size() : -1;
                        String t = xml.getAttributeValue(null, "t");
                        type = t == null ? "n" : t;
                    }
                    case "v" -> put(row, column, value(xml.getElementText(), type, strings));
                    case "is" -> put(row, column, inline(xml));
                    default -> {}
                }
            }
        }
        return rows;
    }

    private static String value(String raw, String type, List<String> strings) {
        String text = raw.trim();
        return switch (type) {
            case "s" -> {
                int index = Integer.parseInt(text);
                yield index < strings.size() ? strings.get(index) : "";
            }
            // Excel stores a whole number as 3 or 3.0: the table wants the 3 a person typed.
            case "n" -> text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
            default -> text;
        };
    }

    private static String inline(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("t")) {
                    text.append(xml.getElementText());
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return text.toString();
    }

    private static void put(@Nullable List<String> row, int column, String value) {
        if (row == null || column < 0) {
            return;
        }
        while (row.size() <= column) {
            row.add("");
        }
        row.set(column, value.trim());
    }

    /** The column of a cell reference: A1 is 0, Z9 is 25, AA3 is 26. */
    static int column(String reference) {
        int column = 0;
        for (char c : reference.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
