package dev.vestline.billing.fees;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.web.IfMatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads fees and cancels accrued ones.
 */
@RestController
@RequestMapping("/api/v1/fees")
class FeeController {

	private final Fees fees;

	private final FeeCancellation cancellation;

	FeeController(Fees fees, FeeCancellation cancellation) {
		this.fees = fees;
		this.cancellation = cancellation;
	}

	@GetMapping
	FeePage bySubscription(@RequestParam UUID subscriptionId, @RequestParam(required = false) @Nullable UUID after,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw InvalidInput.field("limit", "must be between 1 and 500");
		}
		List<Fee> page = this.fees.ofSubscription(subscriptionId, after, limit);
		return new FeePage(page, (page.size() == limit) ? page.getLast().id() : null);
	}

	@GetMapping("/{id}")
	ResponseEntity<Fee> get(@PathVariable UUID id) {
		Fee fee = this.fees.find(id).orElseThrow(() -> new NotFound("Fee " + id));
		return ResponseEntity.ok().eTag(IfMatch.etag(fee.version())).body(fee);
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<Fee> cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Principal caller) {
		this.cancellation.cancel(id, IfMatch.version(ifMatch), request.reason(), caller.getName());
		Fee fee = this.fees.find(id).orElseThrow();
		return ResponseEntity.ok().eTag(IfMatch.etag(fee.version())).body(fee);
	}

	/**
	 * @param reason why, in words a person understands
	 */
	record CancelRequest(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * A keyset page of fees.
	 *
	 * @param items the fees, oldest first
	 * @param next pass as {@code after} for the next page; absent on the last page
	 */
	record FeePage(List<Fee> items, @Nullable UUID next) {
	}

}
