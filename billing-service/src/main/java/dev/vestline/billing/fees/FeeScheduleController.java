package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.idempotency.IdempotentRequests;
import dev.vestline.support.web.IfMatch;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vehicles' fee schedules: created once per vehicle, changed only with the version read.
 */
@RestController
@RequestMapping("/api/v1/fee-schedules")
class FeeScheduleController {

	private final FeeSchedules schedules;

	private final FeeScheduling scheduling;

	private final IdempotentRequests idempotency;

	private final Clock clock;

	FeeScheduleController(FeeSchedules schedules, FeeScheduling scheduling, IdempotentRequests idempotency,
			Clock clock) {
		this.schedules = schedules;
		this.scheduling = scheduling;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<?> create(@Valid @RequestBody ScheduleRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, Principal caller) {
		UUID vehicle = request.vehicleId();
		return this.idempotency.run(caller.getName(), "create-fee-schedule", key, request,
				() -> respond(this.scheduling.create(request.toSchedule(vehicle, caller.getName(), this.clock)), true));
	}

	@GetMapping("/{vehicleId}")
	ResponseEntity<FeeSchedule> get(@PathVariable UUID vehicleId) {
		return respond(read(vehicleId), false);
	}

	@PutMapping("/{vehicleId}")
	ResponseEntity<FeeSchedule> replace(@PathVariable UUID vehicleId, @Valid @RequestBody ScheduleRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Principal caller) {
		long expected = IfMatch.version(ifMatch);
		return respond(this.scheduling.replace(request.toSchedule(vehicleId, caller.getName(), this.clock), expected),
				false);
	}

	private FeeSchedule read(UUID vehicleId) {
		return this.schedules.find(vehicleId).orElseThrow(() -> new NotFound("Fee schedule of " + vehicleId));
	}

	private static ResponseEntity<FeeSchedule> respond(FeeSchedule schedule, boolean created) {
		var builder = created ? ResponseEntity.created(URI.create("/api/v1/fee-schedules/" + schedule.vehicleId()))
				: ResponseEntity.ok();
		return builder.eTag(IfMatch.etag(schedule.version())).body(schedule);
	}

	/**
	 * A fee schedule as a caller sends it.
	 *
	 * @param vehicleId the vehicle (ignored on PUT: the path names it)
	 * @param currency ISO 4217 code
	 * @param subscriptionFeeBps subscription fee rate in basis points
	 * @param subscriptionFeeMinimum least subscription fee, optional
	 * @param managementFeeBps annual management fee rate in basis points
	 */
	record ScheduleRequest(@Nullable UUID vehicleId, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
			@NotNull @Min(0) @Max(FeeSchedule.MAXIMUM_BPS) Integer subscriptionFeeBps,
			@Nullable @PositiveOrZero BigDecimal subscriptionFeeMinimum,
			@NotNull @Min(0) @Max(FeeSchedule.MAXIMUM_BPS) Integer managementFeeBps) {

		/**
		 * @throws InvalidInput naming the field: no vehicle, a currency Vestline does not
		 * hold, a minimum with more decimals than its minor units or not below
		 * {@code Money.MAXIMUM}
		 */
		FeeSchedule toSchedule(@Nullable UUID vehicle, String by, Clock clock) {
			Map<String, String> errors = new TreeMap<>();
			if (vehicle == null) {
				errors.put("vehicleId", "must not be null");
			}
			String currencyProblem = Money.currencyProblem(this.currency);
			if (currencyProblem != null) {
				errors.put("currency", currencyProblem);
			}
			else if (this.subscriptionFeeMinimum != null) {
				String minimumProblem = Money.amountProblem(this.subscriptionFeeMinimum, this.currency);
				if (minimumProblem != null) {
					errors.put("subscriptionFeeMinimum", minimumProblem);
				}
			}
			if (!errors.isEmpty() || vehicle == null) {
				throw InvalidInput.fields(errors);
			}
			return new FeeSchedule(vehicle, this.currency, this.subscriptionFeeBps, this.subscriptionFeeMinimum,
					this.managementFeeBps, 0, by, clock.instant());
		}

	}

}
