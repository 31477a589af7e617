package dev.vestline.reconciliation.statements;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import dev.vestline.reconciliation.api.AfterCommit;
import dev.vestline.reconciliation.api.ApiProblem;
import dev.vestline.support.idempotency.IdempotentRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports bank statements: camt.053 XML or the documented CSV, chosen by Content-Type.
 */
@RestController
@RequestMapping("/api/v1/bank-statements")
class BankStatementController {

	private final StatementImport statementImport;

	private final IdempotentRequests idempotentRequests;

	private final MeterRegistry meters;

	BankStatementController(StatementImport statementImport, IdempotentRequests idempotentRequests,
			MeterRegistry meters) {
		this.statementImport = statementImport;
		this.idempotentRequests = idempotentRequests;
		this.meters = meters;
	}

	@Operation(summary = "Import a camt.053 (application/xml) or CSV (text/csv) statement, all or nothing")
	@PostMapping(consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "text/csv" })
	ResponseEntity<?> importStatement(@RequestBody byte[] content,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			Authentication caller) {
		StatementFormat format = contentType.getSubtype().equals("csv") ? StatementFormat.CSV : StatementFormat.CAMT053;
		if (content.length == 0) {
			throw ApiProblem.badRequest("The statement is empty");
		}
		// the format is part of the request: the same bytes as CSV or XML are different
		// requests
		byte[] name = (format.name() + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] request = ByteBuffer.allocate(name.length + content.length).put(name).put(content).array();
		return this.idempotentRequests.run(caller.getName(), "import-statement", idempotencyKey, request, () -> {
			ImportSummary summary = this.statementImport.importStatement(format, content, caller.getName());
			count(format, summary);
			return ResponseEntity.ok(summary);
		});
	}

	private void count(StatementFormat format, ImportSummary summary) {
		String tag = format.name().toLowerCase(java.util.Locale.ROOT);
		AfterCommit.run(() -> {
			this.meters.counter("vestline.reconciliation.lines.imported", "format", tag).increment(summary.newLines());
			this.meters.counter("vestline.reconciliation.lines.duplicated", "format", tag)
				.increment(summary.duplicateLines());
			this.meters.counter("vestline.reconciliation.lines.rejected", "format", tag)
				.increment(summary.rejectedLines());
		});
	}

}
