package dev.vestline.reconciliation.expectations;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.web.IfMatch;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows what is expected and what arrived: a subscription's funding (over-funding
 * flagged) and an invoice's received amount.
 */
@RestController
@RequestMapping("/api/v1")
class ExpectationController {

	private final Subscriptions subscriptions;

	private final Invoices invoices;

	ExpectationController(Subscriptions subscriptions, Invoices invoices) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
	}

	@GetMapping("/subscriptions/{id}")
	ResponseEntity<Funding> subscription(@PathVariable UUID id) {
		Subscription subscription = this.subscriptions.find(id)
			.orElseThrow(() -> new NotFound("No subscription " + id + " is expected"));
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(subscription.version()))
			.body(new Funding(subscription.id(), subscription.investorId(), subscription.vehicleId(),
					subscription.commitment(), subscription.funded(), subscription.currency(),
					subscription.fullyFunded(), subscription.overFunded()));
	}

	@GetMapping("/invoices/{id}")
	ResponseEntity<Invoice> invoice(@PathVariable UUID id) {
		Invoice invoice = this.invoices.find(id).orElseThrow(() -> new NotFound("No invoice " + id + " is expected"));
		return ResponseEntity.ok().eTag(IfMatch.etag(invoice.version())).body(invoice);
	}

	/**
	 * A subscription's funding.
	 *
	 * @param subscriptionId the subscription
	 * @param investorId the investor
	 * @param vehicleId the vehicle
	 * @param commitment what was committed
	 * @param funded what accepted matches brought
	 * @param currency the currency
	 * @param fullyFunded whether funded reached the commitment
	 * @param overFunded whether funded exceeds it: money to return or to explain
	 */
	record Funding(UUID subscriptionId, String investorId, UUID vehicleId,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal commitment,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal funded, String currency, boolean fullyFunded,
			boolean overFunded) {

	}

}
