package yoriai.http;

import java.io.StringWriter;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small XML document writer over StAX for the feeds and the sitemap: the StAX writer escapes
 * text and attributes; characters XML 1.0 cannot hold at all (most control characters) are dropped.
 */
final class Xml {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
  private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

  private final StringWriter out = new StringWriter();
  private final XMLStreamWriter writer;

  /** A document whose root element {@code root} declares {@code namespace} as the default. */
  Xml(String root, String namespace) {
    writer = run(() -> FACTORY.createXMLStreamWriter(out));
    run(() -> {
      writer.writeStartDocument("utf-8", "1.0");
      writer.writeCharacters("\n");
      writer.writeStartElement(root);
      writer.writeDefaultNamespace(namespace);
      return null;
    });
  }

  Xml start(String name) {
    return step(() -> writer.writeStartElement(name));
  }

  Xml attribute(String name, String value) {
    return step(() -> writer.writeAttribute(name, clean(value)));
  }

  /** {@code xml:lang} on the element just started. */
  Xml language(String tag) {
    return step(() -> writer.writeAttribute("xml", XML_NAMESPACE, "lang", tag));
  }

  /** An element holding {@code text} (empty for null). */
  Xml element(String name, Object text) {
    return step(() -> {
      writer.writeStartElement(name);
      writer.writeCharacters(clean(text == null ? "" : text.toString()));
      writer.writeEndElement();
    });
  }

  Xml end() {
    return step(writer::writeEndElement);
  }

  /** Closes every open element and returns the document. */
  String finish() {
    step(() -> {
      writer.writeEndDocument();
      writer.close();
    });
    return out.append('\n').toString();
  }

  private static String clean(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }

  private interface Step {
    void write() throws XMLStreamException;
  }

  private interface Result<T> {
    T get() throws XMLStreamException;
  }

  private Xml step(Step step) {
    run(() -> {
      step.write();
      return null;
    });
    return this;
  }

  private static <T> T run(Result<T> result) {
    try {
      return result.get();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("XML not written", e);
    }
  }
}
