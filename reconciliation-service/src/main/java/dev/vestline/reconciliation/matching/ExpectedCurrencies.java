package dev.vestline.reconciliation.matching;

import java.util.Objects;
import java.util.UUID;

import dev.vestline.reconciliation.expectations.Invoice;
import dev.vestline.reconciliation.expectations.Invoices;
import dev.vestline.reconciliation.expectations.Subscriptions;
import dev.vestline.support.domain.Unacceptable;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Looks up the target's currency, or answers 422 when nothing of that id is expected.
 */
@Component
class ExpectedCurrencies {

	private final Subscriptions subscriptions;

	private final Invoices invoices;

	ExpectedCurrencies(Subscriptions subscriptions, Invoices invoices) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
	}

	String currency(@Nullable UUID subscriptionId, @Nullable UUID invoiceId) {
		if (subscriptionId != null) {
			return this.subscriptions.find(subscriptionId)
				.orElseThrow(() -> new Unacceptable("No subscription " + subscriptionId + " is expected"))
				.currency();
		}
		Invoice invoice = this.invoices.find(Objects.requireNonNull(invoiceId))
			.orElseThrow(() -> new Unacceptable("No invoice " + invoiceId + " is expected"));
		if (invoice.voidedAt() != null) {
			throw new Unacceptable(
					"Invoice " + invoice.invoiceNumber() + " was voided in billing; no payment is expected on it");
		}
		return invoice.currency();
	}

}
