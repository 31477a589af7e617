package dev.vestline.billing.statements;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotPermitted;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An investor's account statement: the {@code billing} role reads anyone's, an
 * {@code investor} only their own.
 */
@RestController
class StatementController {

	private final StatementQueries queries;

	StatementController(StatementQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/v1/investors/{investorId}/statement")
	Statement statement(@PathVariable String investorId, @RequestParam(required = false) @Nullable String after,
			@RequestParam(defaultValue = "100") int limit, Authentication caller) {
		boolean billing = caller.getAuthorities().stream().anyMatch((a) -> "ROLE_billing".equals(a.getAuthority()));
		if (!billing && !caller.getName().equals(investorId)) {
			throw new NotPermitted("An investor may read only their own statement");
		}
		if (limit < 1 || limit > 500) {
			throw InvalidInput.field("limit", "must be between 1 and 500");
		}
		List<StatementEntry> entries = this.queries.entries(investorId, decode(after), limit);
		String next = (entries.size() == limit) ? encode(entries.getLast()) : null;
		return new Statement(investorId, this.queries.credit(investorId), entries, next);
	}

	private static String encode(StatementEntry last) {
		String raw = last.at().toString() + "|" + last.id() + "|" + last.kind();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static StatementQueries.@Nullable Cursor decode(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
			return new StatementQueries.Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]), parts[2]);
		}
		catch (RuntimeException ex) {
			throw InvalidInput.field("after", "is not a cursor this service issued");
		}
	}

	/**
	 * @param investorId the investor
	 * @param credit credit available per currency
	 * @param entries the page, oldest first
	 * @param next pass as {@code after} for the next page; absent on the last page
	 */
	record Statement(String investorId, List<StatementQueries.CreditBalance> credit, List<StatementEntry> entries,
			@Nullable String next) {
	}

}
