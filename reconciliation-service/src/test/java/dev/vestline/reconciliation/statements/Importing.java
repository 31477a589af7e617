package dev.vestline.reconciliation.statements;

import java.nio.charset.StandardCharsets;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages import a CSV statement directly, as the controller does,
 * so that it can race something else without HTTP's delays.
 */
public final class Importing {

	private Importing() {
	}

	public static ImportSummary csv(ApplicationContext context, String... rows) {
		String csv = String.join(",", CsvStatements.HEADER) + "\n" + String.join("\n", rows) + "\n";
		return context.getBean(StatementImport.class)
			.importStatement(StatementFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), "olivia");
	}

}
