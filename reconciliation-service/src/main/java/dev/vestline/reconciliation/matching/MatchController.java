package dev.vestline.reconciliation.matching;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.vestline.support.domain.NotFound;
import dev.vestline.support.idempotency.IdempotentRequests;
import dev.vestline.support.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Matches: list by status (keyset pages), create by hand, accept, reject, reverse.
 */
@RestController
@RequestMapping("/api/v1/matches")
class MatchController {

	private final Matches matches;

	private final ManualMatching manualMatching;

	private final MatchDecisions decisions;

	private final IdempotentRequests idempotentRequests;

	MatchController(Matches matches, ManualMatching manualMatching, MatchDecisions decisions,
			IdempotentRequests idempotentRequests) {
		this.matches = matches;
		this.manualMatching = manualMatching;
		this.decisions = decisions;
		this.idempotentRequests = idempotentRequests;
	}

	@Operation(summary = "List matches of a status, oldest first; pass the page's next as after")
	@GetMapping
	MatchRequests.MatchPage list(@RequestParam(defaultValue = "SUGGESTED") MatchStatus status,
			@RequestParam(required = false) @Nullable UUID after,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		List<Match> page = this.matches.page(status, after, Math.clamp(limit, 1, 500));
		UUID next = (page.size() == limit) ? page.get(page.size() - 1).id() : null;
		return new MatchRequests.MatchPage(page, next);
	}

	@GetMapping("/{id}")
	ResponseEntity<Match> get(@PathVariable UUID id) {
		return withEtag(this.matches.find(id).orElseThrow(() -> new NotFound("No match " + id)));
	}

	@Operation(summary = "Match a bank transaction to a subscription or an invoice by hand")
	@PostMapping
	ResponseEntity<?> create(@Valid @RequestBody MatchRequests.ManualMatch request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			Authentication caller) {
		return this.idempotentRequests.run(caller.getName(), "create-match", idempotencyKey, request, () -> {
			Match match = this.manualMatching.create(request.bankTransactionId(), request.subscriptionId(),
					request.invoiceId(), caller.getName());
			return ResponseEntity.created(URI.create("/api/v1/matches/" + match.id()))
				.eTag(IfMatch.etag(match.version()))
				.body(match);
		});
	}

	@Operation(summary = "Accept a match (If-Match required): books the money once")
	@PostMapping("/{id}/accept")
	ResponseEntity<Match> accept(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Authentication caller) {
		return withEtag(this.decisions.accept(id, IfMatch.version(ifMatch), caller.getName()));
	}

	@Operation(summary = "Reject a suggested match (If-Match required)")
	@PostMapping("/{id}/reject")
	ResponseEntity<Match> reject(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@Valid @RequestBody(required = false) MatchRequests.@Nullable Reason reason, Authentication caller) {
		return withEtag(this.decisions.reject(id, IfMatch.version(ifMatch), caller.getName(),
				(reason != null) ? reason.reason() : null));
	}

	@Operation(summary = "Reverse an accepted match (If-Match required) and undo what accepting it did")
	@PostMapping("/{id}/reverse")
	ResponseEntity<Match> reverse(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@Valid @RequestBody MatchRequests.Reason reason, Authentication caller) {
		String why = (reason.reason() != null) ? reason.reason() : "reversed";
		return withEtag(this.decisions.reverse(id, IfMatch.version(ifMatch), caller.getName(), why));
	}

	private static ResponseEntity<Match> withEtag(Match match) {
		return ResponseEntity.ok().eTag(IfMatch.etag(match.version())).body(match);
	}

}
