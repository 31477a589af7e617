package dev.vestline.approval.approvals;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vestline.approval.web.Caller;
import dev.vestline.support.web.IfMatch;

/**
 * Changes an approval: decides its current step, or cancels it. Both need
 * {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/approvals/{id}")
class ApprovalDecisionController {

	private final ApprovalDeciding deciding;

	private final ApprovalCancelling cancelling;

	ApprovalDecisionController(ApprovalDeciding deciding, ApprovalCancelling cancelling) {
		this.deciding = deciding;
		this.cancelling = cancelling;
	}

	@PostMapping("/decisions")
	ResponseEntity<ApprovalView> decide(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@Valid @RequestBody Decision decision, Authentication authentication) {
		long version = IfMatch.version(ifMatch);
		Approval approval = this.deciding.decide(id, version, decision, Caller.of(authentication));
		return ResponseEntity.ok().eTag(IfMatch.etag(approval.version())).body(ApprovalView.of(approval));
	}

	@PostMapping("/cancel")
	@ApiResponse(responseCode = "200", description = "a pending approval, cancelled",
			content = @Content(schema = @Schema(implementation = ApprovalView.class)))
	@ApiResponse(responseCode = "202",
			description = "a granted approval, now CANCELLING: its capacity stays reserved until the signing "
					+ "workflow is cancelled (then CANCELLED) or found completed (then EXECUTED, cancellation refused)",
			content = @Content(schema = @Schema(implementation = ApprovalView.class)))
	ResponseEntity<?> cancel(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@Valid @RequestBody(required = false) @Nullable Cancellation cancellation, Authentication authentication) {
		long version = IfMatch.version(ifMatch);
		String reason = (cancellation != null && cancellation.reason() != null && !cancellation.reason().isBlank())
				? cancellation.reason().strip() : "withdrawn by the investor";
		Caller caller = Caller.of(authentication);
		Approval approval = this.cancelling.cancel(id, version, reason, caller);
		// a granted approval waits for its signing workflow: accepted, not yet done
		return ResponseEntity.status((approval.status() == ApprovalStatus.CANCELLING) ? 202 : 200)
			.eTag(IfMatch.etag(approval.version()))
			.body(ApprovalView.of(approval, caller));
	}

	/**
	 * Why an approval is cancelled.
	 *
	 * @param reason in words a person understands
	 */
	record Cancellation(@Nullable @Size(max = 2000) String reason) {
	}

}
