package dev.vestline.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hostile bodies for a content type that is not JSON (a statement as CSV or camt.053 XML,
 * a payload the schema says is just bytes): everything a JSON parser should refuse, plus
 * what an XML or CSV parser meets in the wild.
 */
final class RawBodyCases {

	private RawBodyCases() {
	}

	static Map<String, byte[]> cases(String contentType) {
		Map<String, byte[]> cases = new LinkedHashMap<>();
		Hostile.BODIES.forEach((body) -> cases.put("body = " + FuzzRequest.shorten(body, 20), BodyCases.utf8(body)));
		cases.put("one line of 1,000,000 chars", BodyCases.utf8(Hostile.text(1_000_000)));
		cases.put("oversized body (" + Hostile.OVERSIZED_BODY + " bytes)",
				BodyCases.utf8(Hostile.text(Hostile.OVERSIZED_BODY)));
		cases.put("binary garbage", garbage());
		if (contentType.contains("xml")) {
			cases.put("xml unclosed", BodyCases.utf8("<Document><BkToCstmrStmt>"));
			cases.put("xml of another kind", BodyCases.utf8("<?xml version=\"1.0\"?><html><body/></html>"));
			cases.put("xml entity expansion", BodyCases.utf8("""
					<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">\
					<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
					<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
					<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\
					<Document>&lol4;</Document>"""));
			cases.put("xml external entity", BodyCases.utf8("""
					<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
					<Document>&xxe;</Document>"""));
		}
		if (contentType.contains("csv")) {
			cases.put("csv unterminated quote", BodyCases.utf8("\"a,b\nc,d\n"));
			cases.put("csv ragged rows", BodyCases.utf8("a,b,c\n1\n1,2,3,4,5\n"));
			cases.put("csv only separators", BodyCases.utf8(",,,,\n;;;;\n"));
		}
		return cases;
	}

	private static byte[] garbage() {
		byte[] bytes = new byte[4096];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 31 + 7);
		}
		return bytes;
	}

}
