package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vestline.events.Money;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;

/**
 * Renames a deal or changes its capacity, under the deal's row lock: a reservation that
 * races the change either lands first (and the capacity may not fall below it) or waits
 * for the change and is then measured against the new capacity.
 */
@Service
class DealChanging {

	private final Deals deals;

	private final MeterRegistry meters;

	private final Clock clock;

	DealChanging(Deals deals, MeterRegistry meters, Clock clock) {
		this.deals = deals;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * @param id the deal
	 * @param expectedVersion the version the caller read ({@code If-Match})
	 * @param name the new name, or {@code null} to keep it
	 * @param capacity the new capacity, or {@code null} to keep it
	 * @param reason why, recorded with the change
	 * @param actor who changes it
	 * @return the deal as changed
	 * @throws DomainException not found, {@link StaleVersion}, a {@link Conflict}
	 * {@code capacity-below-reserved}
	 */
	@Transactional
	Deal change(UUID id, long expectedVersion, @Nullable String name, @Nullable BigDecimal capacity,
			@Nullable String reason, String actor) {
		Deal deal = this.deals.lock(id)
			.orElseThrow(() -> new NotFound("not-found", "Deal not found", "There is no deal " + id));
		if (deal.version() != expectedVersion) {
			count("stale-version");
			StaleVersion.check(expectedVersion, deal.version());
		}
		if (capacity != null) {
			requireCapacityIn(deal.currency(), capacity);
		}
		BigDecimal newCapacity = (capacity != null) ? capacity.setScale(2) : deal.capacity();
		if (newCapacity.compareTo(deal.reserved()) < 0) {
			count("capacity-below-reserved");
			throw new Conflict("capacity-below-reserved", "Capacity below what is reserved",
					"Granted subscriptions hold " + deal.reserved() + " " + deal.currency()
							+ " of this deal; its capacity cannot fall below that (cancel a subscription first)")
				.with("reserved", deal.reserved().toPlainString())
				.with("version", deal.version());
		}
		String newName = (name != null) ? name.strip() : deal.name();
		Deal changed = this.deals.change(deal, newName, newCapacity);
		this.deals.record(new DealChange(id, changed.version(), actor, this.clock.instant(), deal.name(), newName,
				deal.capacity(), newCapacity, deal.reserved(), reason));
		count("changed");
		return changed;
	}

	/**
	 * A capacity the deal's currency can hold (its minor units, below
	 * {@link Money#MAXIMUM}), or a 400 naming the field.
	 */
	static void requireCapacityIn(String currency, BigDecimal capacity) {
		String problem = Money.amountProblem(capacity, currency);
		if (problem != null) {
			throw InvalidInput.field("capacity", problem);
		}
	}

	private void count(String outcome) {
		this.meters.counter("vestline.approval.deal.changes", "outcome", outcome).increment();
	}

}
