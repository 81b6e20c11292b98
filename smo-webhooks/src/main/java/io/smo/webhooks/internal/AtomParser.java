package io.smo.webhooks.internal;

import io.smo.core.SmoInternalApi;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads YouTube's WebSub Atom notifications with the JDK's DOM parser, hardened against XXE and
 * entity expansion per the OWASP XXE cheat sheet: DOCTYPE declarations are refused outright,
 * external entities and DTDs are off, XInclude is off, secure processing is on.
 */
@SmoInternalApi
public final class AtomParser {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String YT = "http://www.youtube.com/xml/schemas/2015";
  private static final String AT = "http://purl.org/atompub/tombstones/1.0";
  private static final DocumentBuilderFactory FACTORY = factory();

  private AtomParser() {}

  /** One video entry (or deleted entry). */
  public record Entry(
      String videoId,
      String channelId,
      String title,
      String author,
      Instant published,
      Instant updated,
      boolean deleted,
      String xml) {
    /** A stable part of the dedup key: the updated time, else the published time. */
    public String when() {
      return updated != null ? updated.toString() : published != null ? published.toString() : "-";
    }
  }

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(true);
    return f;
  }

  /**
   * Parses a notification.
   *
   * @throws IllegalArgumentException if the body is not a well-formed Atom feed (or entry), or
   *     declares a DOCTYPE
   */
  public static List<Entry> parse(byte[] body) {
    Document doc;
    try {
      DocumentBuilder b = FACTORY.newDocumentBuilder();
      b.setErrorHandler(new DefaultHandler());
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new org.xml.sax.SAXException("external entities are refused");
          });
      doc = b.parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw new IllegalArgumentException("body is not well-formed XML without a DOCTYPE");
    }
    Element root = doc.getDocumentElement();
    if (root == null
        || !ATOM.equals(root.getNamespaceURI())
        || !("feed".equals(root.getLocalName()) || "entry".equals(root.getLocalName()))) {
      throw new IllegalArgumentException("body is not an Atom feed");
    }
    List<Entry> out = new ArrayList<>();
    if ("entry".equals(root.getLocalName())) {
      out.add(entry(root));
      return out;
    }
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element)) {
        continue;
      }
      Element e = (Element) n;
      if (ATOM.equals(e.getNamespaceURI()) && "entry".equals(e.getLocalName())) {
        out.add(entry(e));
      } else if (AT.equals(e.getNamespaceURI()) && "deleted-entry".equals(e.getLocalName())) {
        String ref = e.getAttribute("ref");
        String id = ref.startsWith("yt:video:") ? ref.substring("yt:video:".length()) : ref;
        String channel = null;
        NodeList uris = e.getElementsByTagNameNS(ATOM, "uri");
        if (uris.getLength() > 0) {
          String uri = uris.item(0).getTextContent().trim();
          int i = uri.lastIndexOf('/');
          channel = i >= 0 ? uri.substring(i + 1) : uri;
        }
        out.add(
            new Entry(id, channel, null, null, null, time(e.getAttribute("when")), true, xml(e)));
      }
    }
    return out;
  }

  private static Entry entry(Element e) {
    String videoId = child(e, YT, "videoId");
    if (videoId == null) {
      throw new IllegalArgumentException("entry without yt:videoId");
    }
    Element author = first(e, ATOM, "author");
    return new Entry(
        videoId,
        child(e, YT, "channelId"),
        child(e, ATOM, "title"),
        author == null ? null : child(author, ATOM, "name"),
        time(child(e, ATOM, "published")),
        time(child(e, ATOM, "updated")),
        false,
        xml(e));
  }

  private static Element first(Element parent, String ns, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ns.equals(n.getNamespaceURI()) && name.equals(n.getLocalName())) {
        return (Element) n;
      }
    }
    return null;
  }

  private static String child(Element parent, String ns, String name) {
    Element c = first(parent, ns, name);
    return c == null ? null : c.getTextContent().trim();
  }

  private static Instant time(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String xml(Element e) {
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(e), new StreamResult(w));
      return w.toString();
    } catch (Exception ex) {
      return "";
    }
  }
}
