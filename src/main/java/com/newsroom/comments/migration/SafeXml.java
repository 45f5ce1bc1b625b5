package com.newsroom.comments.migration;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A streaming XML reader that refuses every DTD: no document type, so no entity of the file's own (no
 * "billion laughs") and no external entity or schema is ever read (no XXE). Only XML's five predefined
 * entities and character references are expanded. The JDK's own StAX implementation, whatever else is
 * on the class path.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External resources are not read: " + systemId);
        });
        return factory;
    }

    /** A reader of {@code in} that fails on a DTD. */
    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return new StreamReaderDelegate(FACTORY.createXMLStreamReader(in)) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("A document type declaration (DTD) is not allowed in an import",
                            getLocation());
                }
                return event;
            }
        };
    }
}
