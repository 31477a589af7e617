package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vestline.approval.web.ApiProblem;
import dev.vestline.approval.web.Caller;
import dev.vestline.approval.web.IfMatch;
import dev.vestline.events.Money;
import dev.vestline.support.idempotency.IdempotentRequests;

/**
 * Creates deals (operations) and shows their capacity, reserved and available amounts.
 */
@RestController
@RequestMapping("/api/v1/deals")
class DealController {

	private final Deals deals;

	private final IdempotentRequests idempotency;

	private final Clock clock;

	DealController(Deals deals, IdempotentRequests idempotency, Clock clock) {
		this.deals = deals;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "created (or the first response, replayed)",
			content = @Content(schema = @Schema(implementation = DealView.class)))
	ResponseEntity<?> create(@Valid @RequestBody NewDeal request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			Authentication authentication) {
		Caller caller = Caller.of(authentication);
		requireIsoCurrency(request.currency());
		return this.idempotency.run(caller.id(), "create-deal", key, request, () -> {
			Deal deal = new Deal(Generators.timeBasedEpochGenerator().generate(), request.vehicleId(),
					request.name().strip(), request.currency(), request.capacity().setScale(2), new BigDecimal("0.00"),
					caller.id(), this.clock.instant(), 0);
			this.deals.insert(deal);
			return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id()))
				.eTag(IfMatch.etag(deal.version()))
				.body(DealView.of(deal));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<DealView> get(@PathVariable UUID id) {
		Deal deal = this.deals.find(id).orElseThrow(() -> ApiProblem.notFound("Deal", id));
		return ResponseEntity.ok().eTag(IfMatch.etag(deal.version())).body(DealView.of(deal));
	}

	private static void requireIsoCurrency(String currency) {
		try {
			java.util.Currency.getInstance(currency);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("currency", "must be an ISO 4217 code such as EUR");
		}
	}

	/**
	 * A deal to create.
	 *
	 * @param vehicleId the investment vehicle
	 * @param name what people call it
	 * @param currency ISO 4217 code
	 * @param capacity the allocation capacity, in the currency's major unit
	 */
	record NewDeal(@NotNull UUID vehicleId, @NotBlank @Size(max = 200) String name,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
			@NotNull @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2) BigDecimal capacity) {
	}

	/**
	 * A deal as the API shows it.
	 *
	 * @param id the deal
	 * @param vehicleId the vehicle
	 * @param name its name
	 * @param capacity the allocation capacity
	 * @param reserved held by granted subscriptions
	 * @param available what is left
	 * @param version the ETag
	 */
	record DealView(UUID id, UUID vehicleId, String name, Money capacity, Money reserved, Money available,
			long version) {

		static DealView of(Deal deal) {
			return new DealView(deal.id(), deal.vehicleId(), deal.name(), new Money(deal.capacity(), deal.currency()),
					new Money(deal.reserved(), deal.currency()), new Money(deal.available(), deal.currency()),
					deal.version());
		}

	}

}
