package cn.jintan.quality.workbook;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;

/** Parses {@code xl/sharedStrings.xml} in one StAX pass, handing each item to a sink. */
final class SharedStringsXml {

    private SharedStringsXml() {
    }

    interface StringSink {
        void accept(String raw) throws IOException;
    }

    /** The strings of {@code <si>} items in order: {@code <t>} texts joined, phonetic ({@code <rPh>}) runs left out. */
    static void parse(InputStream in, StringSink items) throws XMLStreamException, IOException {
        XMLStreamReader xml = XlsxXml.reader(in);
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
}
