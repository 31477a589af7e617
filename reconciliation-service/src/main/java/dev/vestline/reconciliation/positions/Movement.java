package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One booking on a position: a funding by an accepted match, or its reversal. Never
 * changed or deleted.
 *
 * @param id the movement
 * @param positionId the position
 * @param matchId the match that caused it
 * @param kind {@code FUNDING} or {@code REVERSAL}
 * @param unitsDelta units added (negative for a reversal)
 * @param costDelta cost added (negative for a reversal)
 * @param unitPrice the unit price applied
 * @param bookedBy who accepted or reversed the match
 * @param bookedAt when
 */
public record Movement(UUID id, UUID positionId, UUID matchId, String kind,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitsDelta,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal costDelta,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice, String bookedBy, Instant bookedAt) {

	static final String FUNDING = "FUNDING";

	static final String REVERSAL = "REVERSAL";

}
