package cn.jintan.quality.workbook;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An {@code .xlsx} read straight from its sheet XML with a StAX stream reader: one pass, no object
 * per XML event, no formatted value per cell. The package is opened by POI read-only
 * ({@link OPCPackage#open(java.io.File, org.apache.poi.openxml4j.opc.PackageAccess)}), so POI's
 * {@code ZipSecureFile} guards (inflate ratio, entry size, entry count) stay on every entry we read.
 *
 * <p>Cell semantics are those of {@link PoiWorkbookFile#read}: text NFKC-normalised, numbers, dates
 * by the style's number format (1904 date system included), booleans, cached formula values and
 * errors; a formula without a cached value is {@link CellValue.Kind#FORMULA_NO_VALUE}.
 */
final class XlsxWorkbookFile implements WorkbookFile {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final OPCPackage pkg;
    private final Map<String, PackagePart> sheets = new LinkedHashMap<>();
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    /** Per cell style index: 1 = a date format, 0 = not, absent = not decided yet. */
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final Boolean[] dateStyleCache = new Boolean[256];
    private final List<SheetReader> open = new ArrayList<>();

    /** Opens the package; the caller maps exceptions with {@link Workbooks#classify}. */
    XlsxWorkbookFile(OPCPackage pkg, boolean largeSharedStrings) throws Exception {
        this.pkg = pkg;
        XSSFReader reader = new XSSFReader(pkg);
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                sheets.putIfAbsent(it.getSheetName(), it.getSheetPart());
            }
        }
        try (InputStream in = reader.getWorkbookData()) {
            date1904 = readDate1904(in);
        }
        styles = reader.getStylesTable();
        List<PackagePart> sstParts = pkg.getPartsByContentType(
                org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        if (sstParts.isEmpty()) {
            strings = SharedStrings.NONE;
        } else if (largeSharedStrings) {
            try (InputStream in = sstParts.get(0).getInputStream()) {
                strings = new MappedSharedStrings(in, MappedSharedStrings.MAX_BYTES);
            }
        } else {
            List<String> raw = new ArrayList<>();
            try (InputStream in = sstParts.get(0).getInputStream()) {
                readSharedStrings(in, raw::add);
            }
            strings = new InHeapSharedStrings(raw);
        }
    }

    /** The temporary file of a large shared strings table (already deleted where the OS allows), else null; for tests. */
    Path sharedStringsFile() {
        return strings instanceof MappedSharedStrings mapped ? mapped.file : null;
    }

    @Override
    public List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    @Override
    public Iterator<SheetRow> rows(String sheetName) {
        PackagePart part = sheets.get(sheetName);
        if (part == null) {
            throw new IllegalArgumentException("no sheet " + sheetName);
        }
        try {
            SheetReader reader = new SheetReader(part.getInputStream());
            open.add(reader);
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw xmlFailure(e);
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (SheetReader reader : open) {
            reader.closeQuietly();
        }
        open.clear();
        try {
            strings.close();
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        }
        pkg.revert(); // opened read-only: nothing to write back
        if (failure != null) {
            throw failure;
        }
    }

    // ------------------------------------------------------------------ styles

    private boolean isDateStyle(int styleIndex) {
        if (styleIndex < 0) {
            return false;
        }
        if (styleIndex < dateStyleCache.length) {
            Boolean known = dateStyleCache[styleIndex];
            if (known == null) {
                known = decideDateStyle(styleIndex);
                dateStyleCache[styleIndex] = known;
            }
            return known;
        }
        return dateStyles.computeIfAbsent(styleIndex, this::decideDateStyle);
    }

    /** Once per style index: is its number format a date format ({@link DateUtil#isADateFormat}). */
    private boolean decideDateStyle(int styleIndex) {
        if (styles == null) {
            return false;
        }
        try {
            XSSFCellStyle style = styles.getStyleAt(styleIndex);
            if (style == null) {
                return false;
            }
            String format = style.getDataFormatString();
            return format != null && DateUtil.isADateFormat(style.getDataFormat(), format);
        } catch (RuntimeException e) {
            return false; // a style index beyond the table: formatted as General
        }
    }

    // ------------------------------------------------------------------ sheet XML

    /** Streams one sheet's {@code <sheetData>}: a row per {@code <row>} element. */
    private final class SheetReader implements Iterator<SheetRow> {

        private final InputStream in;
        private final XMLStreamReader xml;
        private SheetRow next;
        private boolean done;
        private int lastRow = -1;
        private final StringBuilder text = new StringBuilder();

        SheetReader(InputStream in) throws XMLStreamException {
            this.in = in;
            this.xml = XML.createXMLStreamReader(in);
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = advance();
                } catch (XMLStreamException e) {
                    closeQuietly();
                    throw xmlFailure(e);
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
                        int column = ref == null || ref.isEmpty() ? lastColumn + 1 : column(ref);
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
            return value(type, style, value, formula, inline);
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

    /** One cell from its type, style, {@code <v>}, {@code <f>} and inline text, as {@link PoiWorkbookFile#read} gives it. */
    private CellValue value(String type, int style, String v, String formula, String inline) {
        boolean isFormula = formula != null;
        if (type == null) {
            type = "n";
        }
        if (isFormula && (v == null || v.isEmpty()) && !"inlineStr".equals(type)) {
            return CellValue.formulaWithoutValue(formula); // never evaluated
        }
        switch (type) {
            case "s" -> {
                if (v == null || v.isBlank()) {
                    return CellValue.BLANK;
                }
                return strings.get(Integer.parseInt(v.trim()));
            }
            case "inlineStr" -> {
                String t = inline != null ? inline : v;
                if (isFormula && (t == null || t.isEmpty())) {
                    return CellValue.formulaWithoutValue(formula);
                }
                return CellValue.text(t);
            }
            case "str" -> {
                return CellValue.text(v);
            }
            case "b" -> {
                if (v == null || v.isEmpty()) {
                    return CellValue.BLANK;
                }
                String b = v.trim();
                return CellValue.bool("1".equals(b) || "true".equalsIgnoreCase(b));
            }
            case "e" -> {
                if (v == null) {
                    return CellValue.BLANK;
                }
                int hash = v.indexOf('#');
                return CellValue.error(hash < 0 ? "#ERROR" : v.substring(hash).strip());
            }
            case "d" -> {
                if (v == null || v.isBlank()) {
                    return CellValue.BLANK;
                }
                try {
                    return CellValue.date(LocalDateTime.parse(v.trim().length() == 10 ? v.trim() + "T00:00" : v.trim()));
                } catch (RuntimeException e) {
                    return CellValue.text(v);
                }
            }
            default -> {
                if (v == null || v.isEmpty()) {
                    return CellValue.BLANK;
                }
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return isFormula ? CellValue.formulaWithoutValue(formula) : CellValue.text(v);
                }
                if (DateUtil.isValidExcelDate(d) && isDateStyle(style)) {
                    return CellValue.date(DateUtil.getLocalDateTime(d, date1904));
                }
                return CellValue.number(d);
            }
        }
    }

    /** 0-based column of a cell reference such as {@code AB12}. */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }

    private static RuntimeException xmlFailure(XMLStreamException e) {
        Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        return new IllegalStateException(e.getMessage(), nested != null ? nested : e);
    }

    // ------------------------------------------------------------------ workbook.xml, sharedStrings.xml

    private static boolean readDate1904(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DOCTYPE is not allowed in a workbook");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("workbookPr".equals(name)) {
                        String v = xml.getAttributeValue(null, "date1904");
                        return v != null && ("1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()));
                    }
                    if ("sheets".equals(name)) {
                        return false; // workbookPr comes before the sheets
                    }
                }
            }
            return false;
        } finally {
            xml.close();
        }
    }

    private interface StringSink {
        void accept(String raw) throws IOException;
    }

    /** The strings of {@code <si>} items in order: {@code <t>} texts joined, phonetic ({@code <rPh>}) runs left out. */
    private static void readSharedStrings(InputStream in, StringSink items) throws XMLStreamException, IOException {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            StringBuilder text = new StringBuilder();
            boolean inSi = false;
            boolean inT = false;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE is not allowed in shared strings");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = xml.getLocalName();
                        if ("si".equals(name)) {
                            inSi = true;
                            text.setLength(0);
                        } else if ("rPh".equals(name)) {
                            phonetic++;
                        } else if ("t".equals(name)) {
                            inT = true;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = xml.getLocalName();
                        if ("si".equals(name)) {
                            inSi = false;
                            items.accept(text.toString());
                        } else if ("rPh".equals(name)) {
                            phonetic--;
                        } else if ("t".equals(name)) {
                            inT = false;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (inSi && inT && phonetic == 0) {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    default -> {
                    }
                }
            }
        } finally {
            xml.close();
        }
    }

    private interface SharedStrings {
        SharedStrings NONE = new SharedStrings() {
            @Override
            public CellValue get(int index) {
                throw new IllegalStateException("shared string " + index + " but the workbook has no shared strings table");
            }

            @Override
            public void close() {
            }
        };

        CellValue get(int index);

        void close() throws IOException;
    }

    /** A small table, normalised once: a cell is then an array look-up. */
    private static final class InHeapSharedStrings implements SharedStrings {
        private final List<String> raw;
        private final CellValue[] values;

        InHeapSharedStrings(List<String> raw) {
            this.raw = raw;
            this.values = new CellValue[raw.size()];
        }

        @Override
        public CellValue get(int index) {
            if (index < 0 || index >= values.length) {
                throw new IllegalStateException("shared string " + index + " beyond the table (" + values.length + ")");
            }
            CellValue v = values[index];
            if (v == null) {
                v = CellValue.text(raw.get(index));
                values[index] = v;
            }
            return v;
        }

        @Override
        public void close() {
        }
    }

    /**
     * A table too large for the heap (a million distinct names are ~130 MB of Strings): each string,
     * normalised once, as UTF-8 in a temporary file mapped read-only, and on the heap only an int
     * offset per string. A look-up decodes the bytes between two offsets; mapped pages are the OS's
     * page cache, not heap.
     */
    static final class MappedSharedStrings implements SharedStrings {

        /** One mapping (and an int offset) reaches 2 GB; a table needing more is refused as unreadable. */
        static final long MAX_BYTES = Integer.MAX_VALUE;

        /** {@code Unsafe.invokeCleaner}: JDK 17 has no public unmap, and the GC may unmap much later. */
        private static final MethodHandle UNMAP = unmapper();

        final Path file;
        private final long maxBytes;
        /** String i is the bytes from offsets[i] to offsets[i + 1]. */
        private int[] offsets = new int[1024];
        private int count;
        private MappedByteBuffer data;
        private byte[] scratch = new byte[256];
        private boolean deleted;

        MappedSharedStrings(InputStream xml, long maxBytes) throws IOException, XMLStreamException {
            this.maxBytes = Math.min(maxBytes, MAX_BYTES);
            this.file = Files.createTempFile("qb-shared-strings-", ".bin");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                // unlinked at once where the OS allows (Linux): nothing is left behind even by kill -9
                deleted = deleteQuietly(file);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                readSharedStrings(xml, raw -> append(out, raw));
                out.flush(); // not closed: that would close the channel before it is mapped
                data = channel.map(FileChannel.MapMode.READ_ONLY, 0, offsets[count]);
            } catch (IOException | XMLStreamException | RuntimeException | Error e) {
                try {
                    close();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private void append(OutputStream out, String raw) throws IOException {
            byte[] bytes = Text.normalise(raw).getBytes(StandardCharsets.UTF_8);
            long end = (long) offsets[count] + bytes.length;
            if (end > maxBytes) {
                throw new IOException("shared strings table needs more than " + maxBytes
                        + " bytes as UTF-8, more than one memory mapping holds");
            }
            if (count + 1 == offsets.length) {
                // a hostile table of millions of empty items would otherwise fill the heap with offsets
                if ((long) offsets.length * 2 * Integer.BYTES > Runtime.getRuntime().maxMemory() / 4) {
                    throw new IOException("too many shared strings: " + count);
                }
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            out.write(bytes);
            offsets[++count] = (int) end;
        }

        @Override
        public CellValue get(int index) {
            MappedByteBuffer d = data;
            if (d == null) {
                throw new IllegalStateException("shared strings read after the workbook was closed");
            }
            if (index < 0 || index >= count) {
                throw new IllegalStateException("shared string " + index + " beyond the table (" + count + ")");
            }
            int start = offsets[index];
            int length = offsets[index + 1] - start;
            if (length == 0) {
                return CellValue.BLANK;
            }
            if (length > scratch.length) {
                scratch = new byte[Math.max(length, 2 * scratch.length)];
            }
            d.get(start, scratch, 0, length);
            return CellValue.normalisedText(new String(scratch, 0, length, StandardCharsets.UTF_8));
        }

        /** Unmaps and deletes; a look-up afterwards fails instead of touching unmapped memory. */
        @Override
        public void close() throws IOException {
            MappedByteBuffer d = data;
            data = null;
            offsets = null;
            if (d != null && UNMAP != null) {
                try {
                    UNMAP.invokeExact((ByteBuffer) d);
                } catch (Throwable ignored) {
                    // best effort: the GC unmaps it when the buffer is collected
                }
            }
            if (!deleted) {
                Files.deleteIfExists(file);
                deleted = true;
            }
        }

        private static boolean deleteQuietly(Path file) {
            try {
                Files.delete(file);
                return true;
            } catch (IOException e) {
                return false; // Windows: deleted on close, after the unmap
            }
        }

        private static MethodHandle unmapper() {
            try {
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                return MethodHandles.lookup()
                        .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                        .bindTo(theUnsafe.get(null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
