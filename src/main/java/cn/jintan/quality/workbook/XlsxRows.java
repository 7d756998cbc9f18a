package cn.jintan.quality.workbook;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/** Streams one sheet's {@code <sheetData>}: a row per {@code <row>} element. */
final class XlsxRows implements Iterator<SheetRow> {

    private final InputStream in;
    private final XlsxCells decoder;
    private final XMLStreamReader xml;
    private SheetRow next;
    private boolean done;
    private int lastRow = -1;
    private final StringBuilder text = new StringBuilder();

    XlsxRows(InputStream in, XlsxCells decoder) throws XMLStreamException {
        this.in = in;
        this.xml = XlsxXml.reader(in);
        this.decoder = decoder;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = advance();
            } catch (XMLStreamException e) {
                closeQuietly();
                throw XlsxXml.failure(e);
            }
        }
        return next != null;
    }

    @Override
    public SheetRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SheetRow row = next;
        next = null;
        return row;
    }

    /** The next {@code <row>}, or null at the end of the document (read whole, so every byte passes the zip guards). */
    private SheetRow advance() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE is not allowed in a worksheet");
            }
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                return readRow();
            }
        }
        done = true;
        closeQuietly();
        return null;
    }

    private SheetRow readRow() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        int rowIndex = r == null || r.isEmpty() ? lastRow + 1 : Integer.parseInt(r.trim()) - 1;
        lastRow = rowIndex;
        Map<Integer, CellValue> cells = new HashMap<>();
        int lastColumn = -1;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    String ref = xml.getAttributeValue(null, "r");
                    int column = ref == null || ref.isEmpty() ? lastColumn + 1 : XlsxCells.column(ref);
                    lastColumn = column;
                    CellValue value = readCell();
                    if (!value.isBlank()) {
                        cells.put(column, value);
                    }
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new SheetRow(rowIndex, cells); // </row>
            }
        }
    }

    /** At {@code <c>}: reads to its end tag. */
    private CellValue readCell() throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String s = xml.getAttributeValue(null, "s");
        int style = s == null || s.isEmpty() ? 0 : Integer.parseInt(s.trim());
        String value = null;
        String formula = null;
        String inline = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = elementText();
                    case "f" -> formula = elementText();
                    case "is" -> inline = inlineText();
                    default -> skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // </c>
            }
        }
        return decoder.value(type, style, value, formula, inline);
    }

    /** Text of a simple element such as {@code <v>} or {@code <f>}; leaves the reader at its end tag. */
    private String elementText() throws XMLStreamException {
        text.setLength(0);
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** At {@code <is>}: the text of its {@code <t>} elements (rich text runs joined), phonetic runs left out. */
    private String inlineText() throws XMLStreamException {
        StringBuilder joined = new StringBuilder();
        int depth = 1;
        boolean inT = false;
        int phonetic = 0;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    String name = xml.getLocalName();
                    if ("rPh".equals(name)) {
                        phonetic++;
                    } else if ("t".equals(name)) {
                        inT = true;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    String name = xml.getLocalName();
                    if ("rPh".equals(name)) {
                        phonetic--;
                    } else if ("t".equals(name)) {
                        inT = false;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (inT && phonetic == 0) {
                        joined.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                default -> {
                }
            }
        }
        return joined.toString();
    }

    private void skipElement() throws XMLStreamException {
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

    void closeQuietly() {
        done = true;
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing after a failure
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // closing after a failure
        }
    }
}
