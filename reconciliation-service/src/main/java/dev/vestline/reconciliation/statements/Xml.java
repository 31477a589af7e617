package dev.vestline.reconciliation.statements;

import java.util.ArrayList;
import java.util.List;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Secure parsing, and namespace-agnostic navigation of a DOM tree by local names so that
 * every camt.053 version reads the same.
 */
final class Xml {

	private Xml() {
	}

	static List<Element> children(Element parent, String localName) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				children.add(element);
			}
		}
		return children;
	}

	static @Nullable Element child(Element parent, String localName) {
		List<Element> children = children(parent, localName);
		return children.isEmpty() ? null : children.get(0);
	}

	/**
	 * @param parent where to start
	 * @param path local names of descendants, first match at each step
	 * @return the trimmed text of the element at the path (for an element with a
	 * {@code Cd} child, e.g. {@code Sts}, the code's text), {@code null} when absent or
	 * blank
	 */
	static @Nullable String text(Element parent, String... path) {
		Element element = parent;
		for (String name : path) {
			element = child(element, name);
			if (element == null) {
				return null;
			}
		}
		Element code = child(element, "Cd");
		String text = ((code != null) ? code : element).getTextContent().trim();
		return text.isEmpty() ? null : text;
	}

	/**
	 * Parses XML with a parser that refuses DTDs and external entities.
	 * @param xml the bytes
	 * @return the document
	 * @throws MalformedStatementException naming the line of the first error
	 */
	static Document parse(byte[] xml) {
		try {
			DocumentBuilder builder = secureFactory().newDocumentBuilder();
			builder.setErrorHandler(Rethrow.INSTANCE);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXParseException ex) {
			throw new MalformedStatementException("line " + ex.getLineNumber() + ", column " + ex.getColumnNumber(),
					"not well-formed XML: " + ex.getMessage(), ex);
		}
		catch (SAXException | IOException ex) {
			throw new MalformedStatementException("/", "not readable as XML: " + ex.getMessage(), ex);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		// a bank file never needs a DTD: refusing it rules out XXE and entity expansion
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory;
	}

	/** Turns parser warnings into failures instead of printing them to stderr. */
	private enum Rethrow implements ErrorHandler {

		INSTANCE;

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}

	}

}
