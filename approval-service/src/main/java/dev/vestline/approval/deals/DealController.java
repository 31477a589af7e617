package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnySetter;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vestline.approval.web.Caller;
import dev.vestline.events.Money;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.idempotency.IdempotentRequests;
import dev.vestline.support.web.IfMatch;

/**
 * Creates deals, renames them and changes their capacity (operations); lists and shows
 * them with their capacity, reserved and available amounts, and the changes made to them.
 */
@RestController
@RequestMapping("/api/v1/deals")
class DealController {

	private static final int MAX_PAGE = 100;

	private final Deals deals;

	private final DealChanging changing;

	private final IdempotentRequests idempotency;

	private final Clock clock;

	DealController(Deals deals, DealChanging changing, IdempotentRequests idempotency, Clock clock) {
		this.deals = deals;
		this.changing = changing;
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
		requireSupportedCurrency(request.currency());
		DealChanging.requireCapacityIn(request.currency(), request.capacity());
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
		Deal deal = this.deals.find(id)
			.orElseThrow(() -> new NotFound("not-found", "Deal not found", "There is no deal " + id));
		return ResponseEntity.ok().eTag(IfMatch.etag(deal.version())).body(DealView.of(deal));
	}

	@GetMapping
	Page list(@RequestParam(required = false) @Nullable UUID vehicleId,
			@RequestParam(required = false) @Nullable UUID after, @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw InvalidInput.field("limit", "must be between 1 and " + MAX_PAGE);
		}
		List<Deal> found = this.deals.page(vehicleId, after, limit + 1);
		List<DealView> items = found.stream().limit(limit).map(DealView::of).toList();
		String next = (found.size() > limit) ? items.get(limit - 1).id().toString() : null;
		return new Page(items, next);
	}

	@PatchMapping("/{id}")
	ResponseEntity<DealView> change(@PathVariable UUID id, @Valid @RequestBody DealEdit edit,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			Authentication authentication) {
		long version = IfMatch.version(ifMatch);
		if (edit.others() != null && !edit.others().isEmpty()) {
			throw InvalidInput.field(edit.others().keySet().iterator().next(),
					"cannot be changed; send name, capacity and reason only");
		}
		if (edit.name() == null && edit.capacity() == null) {
			throw InvalidInput.field("name", "send a new name, a new capacity or both");
		}
		if (edit.name() != null && edit.name().isBlank()) {
			throw InvalidInput.field("name", "must not be blank");
		}
		Deal changed = this.changing.change(id, version, edit.name(), edit.capacity(), edit.reason(),
				Caller.of(authentication).id());
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(DealView.of(changed));
	}

	@GetMapping("/{id}/changes")
	List<DealChangeView> changes(@PathVariable UUID id) {
		Deal deal = this.deals.find(id)
			.orElseThrow(() -> new NotFound("not-found", "Deal not found", "There is no deal " + id));
		return this.deals.changes(id).stream().map((change) -> DealChangeView.of(change, deal.currency())).toList();
	}

	/**
	 * A currency Vestline holds (ISO 4217, at most two minor units), or a 400 naming it.
	 */
	private static void requireSupportedCurrency(String currency) {
		String problem = Money.currencyProblem(currency);
		if (problem != null) {
			throw InvalidInput.field("currency", problem);
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
	 * A change to a deal: what is sent is changed, what is left out stays. The currency
	 * and the vehicle never change (subscriptions are reserved in them): any field but
	 * these three is a 400, not silently ignored.
	 *
	 * @param name the new name
	 * @param capacity the new allocation capacity, not below what is reserved
	 * @param reason why, kept with the change
	 * @param others every other field sent
	 */
	record DealEdit(@Nullable @Size(max = 200) String name,
			@Nullable @DecimalMin(value = "0.01") @Digits(integer = 17, fraction = 2) BigDecimal capacity,
			@Nullable @Size(max = 500) String reason,
			@JsonAnySetter @Schema(hidden = true) @Nullable Map<String, Object> others) {
	}

	/**
	 * One page of deals, newest first.
	 *
	 * @param items the deals
	 * @param next the cursor for the next page ({@code after}), absent on the last
	 */
	record Page(List<DealView> items, @Nullable String next) {
	}

	/**
	 * A change as the API shows it.
	 *
	 * @param version the deal's version after the change
	 * @param changedBy who
	 * @param changedAt when
	 * @param nameBefore the name before
	 * @param nameAfter the name after
	 * @param capacityBefore the capacity before
	 * @param capacityAfter the capacity after
	 * @param reserved what granted subscriptions held then
	 * @param reason why
	 */
	record DealChangeView(long version, String changedBy, Instant changedAt, String nameBefore, String nameAfter,
			Money capacityBefore, Money capacityAfter, Money reserved, @Nullable String reason) {

		static DealChangeView of(DealChange change, String currency) {
			return new DealChangeView(change.version(), change.changedBy(), change.changedAt(), change.nameBefore(),
					change.nameAfter(), new Money(change.capacityBefore(), currency),
					new Money(change.capacityAfter(), currency), new Money(change.reserved(), currency),
					change.reason());
		}

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
