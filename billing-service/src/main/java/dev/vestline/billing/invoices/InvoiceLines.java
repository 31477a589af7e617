package dev.vestline.billing.invoices;

import java.util.List;
import java.util.UUID;

import dev.vestline.events.billing.FeeType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code invoice_line} table: what each invoice billed, kept after a void.
 */
@Repository
class InvoiceLines {

	private final JdbcClient jdbc;

	InvoiceLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID invoiceId, List<InvoiceLine> lines) {
		for (InvoiceLine line : lines) {
			this.jdbc.sql("""
					INSERT INTO invoice_line (invoice_id, fee_id, subscription_id, fee_type, period, amount)
					VALUES (:invoice, :fee, :subscription, :type, :period, :amount)
					""")
				.param("invoice", invoiceId)
				.param("fee", line.feeId())
				.param("subscription", line.subscriptionId())
				.param("type", line.feeType().name())
				.param("period", line.period())
				.param("amount", line.amount())
				.update();
		}
	}

	List<InvoiceLine> of(UUID invoiceId) {
		return this.jdbc.sql("""
				SELECT fee_id, subscription_id, fee_type, period, amount FROM invoice_line
				 WHERE invoice_id = :id ORDER BY fee_id
				""")
			.param("id", invoiceId)
			.query((rs, n) -> new InvoiceLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					FeeType.valueOf(rs.getString(3)), rs.getString(4), rs.getBigDecimal(5)))
			.list();
	}

}
