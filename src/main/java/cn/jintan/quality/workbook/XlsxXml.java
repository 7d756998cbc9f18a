package cn.jintan.quality.workbook;

import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/** The one StAX factory of the {@code .xlsx} reader (POI's secure settings: no DTDs, no external entities). */
final class XlsxXml {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private XlsxXml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return XML.createXMLStreamReader(in);
    }

    /** A stream failure as the unchecked exception {@link Workbooks#classify} maps (its nested cause kept). */
    static RuntimeException failure(XMLStreamException e) {
        Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        return new IllegalStateException(e.getMessage(), nested != null ? nested : e);
    }
}
