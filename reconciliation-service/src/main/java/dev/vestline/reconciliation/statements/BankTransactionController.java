package dev.vestline.reconciliation.statements;

import java.util.List;
import java.util.UUID;

import dev.vestline.support.domain.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads imported bank lines: one by id, and the credits still waiting for an accepted
 * match.
 */
@RestController
@RequestMapping("/api/v1/bank-transactions")
class BankTransactionController {

	private final BankTransactions transactions;

	BankTransactionController(BankTransactions transactions) {
		this.transactions = transactions;
	}

	@Operation(summary = "Credits no accepted match holds yet, oldest first; pass the page's next as after")
	@GetMapping
	Page unmatched(@RequestParam(required = false) @Nullable UUID after,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		List<BankTransaction> items = this.transactions.unmatchedCredits(after, limit);
		return new Page(items, (items.size() == limit) ? items.get(items.size() - 1).id() : null);
	}

	@GetMapping("/{id}")
	BankTransaction get(@PathVariable UUID id) {
		return this.transactions.find(id).orElseThrow(() -> new NotFound("No bank transaction " + id));
	}

	/**
	 * A page of bank transactions.
	 *
	 * @param items the transactions
	 * @param next the {@code after} of the next page, absent on the last
	 */
	record Page(List<BankTransaction> items, @Nullable UUID next) {

	}

}
