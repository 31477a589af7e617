package dev.vestline.reconciliation.statements;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Namespace-agnostic navigation of a DOM tree by local names, so that every camt.053
 * version reads the same.
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

}
