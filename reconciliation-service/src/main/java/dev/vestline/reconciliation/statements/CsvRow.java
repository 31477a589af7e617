package dev.vestline.reconciliation.statements;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV row into fields: commas separate, double quotes enclose a field that
 * holds commas, a doubled quote inside quotes is a quote.
 */
final class CsvRow {

	private CsvRow() {
	}

	static List<String> split(String where, String row) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < row.length(); i++) {
			char c = row.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank()) {
				quoted = true;
				field.setLength(0);
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new MalformedStatementException(where, "a quoted field is not closed");
		}
		fields.add(field.toString());
		return fields;
	}

}
