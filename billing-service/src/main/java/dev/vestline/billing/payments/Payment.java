package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.billing.PaymentSource;
import org.jspecify.annotations.Nullable;

/**
 * Money received for an invoice: the applied part plus the credit part is the amount.
 *
 * @param id the payment
 * @param invoiceId the invoice it was for
 * @param investorId the investor
 * @param currency ISO 4217 code
 * @param amount received
 * @param appliedAmount applied to the invoice
 * @param creditAmount kept as investor credit
 * @param source where it came from
 * @param externalReference its reference at the source: the bank transaction, the
 * provider's payment id
 * @param matchId the reconciliation match a bank payment is the payment of (one payment
 * per match); {@code null} for other sources and for bank payments recorded before
 * billing kept it
 * @param recordedAt when it was recorded
 * @param reversedAt when it was taken back, {@code null} while it stands
 */
public record Payment(UUID id, UUID invoiceId, String investorId, String currency, BigDecimal amount,
		BigDecimal appliedAmount, BigDecimal creditAmount, PaymentSource source, String externalReference,
		@Nullable UUID matchId, Instant recordedAt, @Nullable Instant reversedAt) {

}
