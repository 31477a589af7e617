package dev.vestline.reconciliation.statements;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.vestline.reconciliation.AfterCommit;
import dev.vestline.support.domain.InvalidInput;
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

	@Operation(summary = "Import a camt.053 (application/xml) or CSV (text/csv) statement, all or nothing",
			description = """
					Every line is checked before anything is written; a line outside these limits is a 400 \
					problem naming the line and field (`line 3, bank_reference`) or element, and nothing is \
					imported. Texts, in characters, without control characters: account_id (IBAN, Othr/Id) \
					maxLength 34, bank_reference (AcctSvcrRef) maxLength 35, counterparty_name (Nm) \
					maxLength 140, remittance_information (RmtInf/Ustrd) maxLength 140, RmtInf/Strd/CdtrRefInf/Ref \
					maxLength 35. Amounts: a plain decimal (no exponent), at most the currency's minor units, \
					magnitude below 10^15, never zero; currencies with more than 2 minor units are refused.""")
	@PostMapping(consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "text/csv" })
	ResponseEntity<?> importStatement(@RequestBody byte[] content,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			Authentication caller) {
		StatementFormat format = contentType.getSubtype().equals("csv") ? StatementFormat.CSV : StatementFormat.CAMT053;
		if (content.length == 0) {
			throw InvalidInput.field("body", "is an empty statement");
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
		String tag = format.name().toLowerCase(Locale.ROOT);
		AfterCommit.run(() -> {
			this.meters.counter("vestline.reconciliation.lines.imported", "format", tag).increment(summary.newLines());
			this.meters.counter("vestline.reconciliation.lines.duplicated", "format", tag)
				.increment(summary.duplicateLines());
			this.meters.counter("vestline.reconciliation.lines.rejected", "format", tag)
				.increment(summary.rejectedLines());
		});
	}

}
