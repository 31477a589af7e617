package dev.vestline.approval.approvals;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
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

import dev.vestline.approval.audit.AuditEntry;
import dev.vestline.approval.audit.AuditLog;
import dev.vestline.approval.web.Caller;
import dev.vestline.events.approval.ApprovalKind;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.NotPermitted;
import dev.vestline.support.idempotency.IdempotentRequests;
import dev.vestline.support.web.IfMatch;

/**
 * Requests approvals and reads them: one, a filtered page, or an approval's history.
 * Investors see and request only their own.
 */
@RestController
@RequestMapping("/api/v1/approvals")
class ApprovalController {

	static final int MAX_PAGE = 100;

	private final ApprovalRequesting requesting;

	private final ApprovalQueries approvals;

	private final AuditLog audit;

	private final IdempotentRequests idempotency;

	ApprovalController(ApprovalRequesting requesting, ApprovalQueries approvals, AuditLog audit,
			IdempotentRequests idempotency) {
		this.requesting = requesting;
		this.approvals = approvals;
		this.audit = audit;
		this.idempotency = idempotency;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "created (or the first response, replayed)",
			content = @Content(schema = @Schema(implementation = ApprovalView.class)))
	ResponseEntity<?> request(@Valid @RequestBody NewApproval request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			Authentication authentication) {
		Caller caller = Caller.of(authentication);
		request.checkFieldsOfKind();
		if (!caller.maySee(request.investorId())) {
			throw new NotPermitted("not-your-investor", "Not your investor id",
					"An investor may only request approvals for themselves");
		}
		return this.idempotency.run(caller.id(), "request-approval", key, request, () -> {
			Approval approval = this.requesting.request(request, caller);
			return ResponseEntity.created(URI.create("/api/v1/approvals/" + approval.id()))
				.eTag(IfMatch.etag(approval.version()))
				.body(ApprovalView.of(approval, caller));
		});
	}

	@GetMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "staff see the whole approval, its investor their view of it",
			content = @Content(schema = @Schema(oneOf = { ApprovalView.class, InvestorApprovalView.class })))
	ResponseEntity<?> get(@PathVariable UUID id, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		Approval approval = visible(id, caller);
		return ResponseEntity.ok().eTag(IfMatch.etag(approval.version())).body(ApprovalView.of(approval, caller));
	}

	@GetMapping("/{id}/history")
	@ApiResponse(responseCode = "200",
			description = "staff see every line with actor and reason; the investor what happened, without staff "
					+ "identities, refusals or internal reasons",
			content = @Content(
					array = @ArraySchema(schema = @Schema(oneOf = { AuditEntry.class, InvestorHistoryEntry.class }))))
	List<?> history(@PathVariable UUID id, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		visible(id, caller);
		List<AuditEntry> history = this.audit.history(id, 1000);
		return caller.isStaff() ? history : InvestorHistoryEntry.of(history, caller.id());
	}

	@GetMapping
	ApprovalView.Page list(@RequestParam(required = false) @Nullable ApprovalStatus status,
			@RequestParam(required = false) @Nullable UUID dealId,
			@RequestParam(required = false) @Nullable String investorId,
			@Parameter(description = "only approvals of this kind") @RequestParam(
					required = false) @Nullable ApprovalKind kind,
			@Parameter(description = "only approvals requested before this instant (ISO-8601), "
					+ "e.g. a day ago for those waiting more than a day") @RequestParam(
							required = false) @Nullable Instant requestedBefore,
			@Parameter(description = "only the pending approvals whose current step the caller may decide now: "
					+ "their role, not their own investment or request, no earlier step of theirs") @RequestParam(
							defaultValue = "false") boolean decidableByMe,
			@RequestParam(required = false) @Nullable UUID after, @RequestParam(defaultValue = "20") int limit,
			Authentication authentication) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw InvalidInput.field("limit", "must be between 1 and " + MAX_PAGE);
		}
		Caller caller = Caller.of(authentication);
		if (!caller.isStaff()) {
			investorId = caller.id(); // an investor lists only their own
		}
		ApprovalQueries.Filter filter = new ApprovalQueries.Filter(status, dealId, investorId, kind, requestedBefore,
				decidableByMe ? caller : null);
		List<Approval> found = this.approvals.page(filter, after, limit + 1);
		List<?> items = found.stream().limit(limit).map((approval) -> ApprovalView.of(approval, caller)).toList();
		String next = (found.size() > limit) ? found.get(limit - 1).id().toString() : null;
		return new ApprovalView.Page(items, next);
	}

	private Approval visible(UUID id, Caller caller) {
		return this.approvals.find(id)
			.filter((approval) -> caller.maySee(approval.investorId()))
			.orElseThrow(() -> new NotFound("not-found", "Approval not found", "There is no approval " + id));
	}

}
