package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment taken back, and where from: applied + credit + unrecovered = the payment's
 * amount.
 *
 * @param id the reversal
 * @param payment the payment as it was before the reversal
 * @param appliedAmount taken back from the invoice
 * @param creditAmount taken back from the investor's credit
 * @param unrecoveredAmount credit already spent elsewhere, owed by the investor
 * @param reason why
 * @param reversedAt when
 */
record Reversal(UUID id, Payment payment, BigDecimal appliedAmount, BigDecimal creditAmount,
		BigDecimal unrecoveredAmount, String reason, Instant reversedAt) {

}
