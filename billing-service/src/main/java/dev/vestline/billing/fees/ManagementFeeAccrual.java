package dev.vestline.billing.fees;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.vestline.billing.BillingProperties;

import org.springframework.stereotype.Service;

/**
 * Accrues each funded subscription's management fee once per quarter. Vehicles are
 * processed in parallel on a bounded pool; each vehicle in batches, one short transaction
 * per batch, rows claimed with {@code FOR UPDATE SKIP LOCKED}. Running twice, or on two
 * replicas at once, adds nothing: a claimed row is skipped, a done row is filtered out,
 * and {@code fee_one_active} stands behind both.
 */
@Service
public class ManagementFeeAccrual {

	private final ManagementFeeQueries queries;

	private final ManagementFeeBatch batch;

	private final CurrencyMismatches mismatches;

	private final BillingProperties.ManagementFees settings;

	ManagementFeeAccrual(ManagementFeeQueries queries, ManagementFeeBatch batch, CurrencyMismatches mismatches,
			BillingProperties properties) {
		this.queries = queries;
		this.batch = batch;
		this.mismatches = mismatches;
		this.settings = properties.managementFees();
	}

	/**
	 * @param at an instant
	 * @return its quarter, e.g. {@code 2026-Q4}
	 */
	public static String quarter(Instant at) {
		ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
		return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * @param period the quarter, e.g. {@code 2026-Q4}
	 * @return how many fees this call accrued
	 */
	public int accrue(String period) {
		this.mismatches.recount();
		List<UUID> vehicles = this.queries.vehiclesDue(period);
		if (vehicles.isEmpty()) {
			return 0;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(this.settings.concurrency(), vehicles.size()));
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (UUID vehicle : vehicles) {
				results.add(pool.submit(() -> accrueVehicle(vehicle, period)));
			}
			int accrued = 0;
			for (Future<Integer> result : results) {
				accrued += result.get();
			}
			return accrued;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Management-fee accrual interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Management-fee accrual failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int accrueVehicle(UUID vehicle, String period) {
		int accrued = 0;
		UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: this is
										// the least
		while (true) {
			ManagementFeeBatch.Outcome outcome = this.batch.accrue(vehicle, period, after, this.settings.batchSize());
			accrued += outcome.accrued();
			if (outcome.last() == null) {
				return accrued;
			}
			after = outcome.last();
		}
	}

}
