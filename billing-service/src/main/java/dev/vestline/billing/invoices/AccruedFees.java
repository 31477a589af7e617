package dev.vestline.billing.invoices;

import java.util.List;
import java.util.UUID;

import dev.vestline.events.billing.FeeType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accrued fees as an invoice run sees them: grouped per investor, vehicle and currency,
 * claimed with {@code FOR UPDATE SKIP LOCKED} so that concurrent runs split the work, and
 * marked invoiced with a conditional update.
 */
@Repository
class AccruedFees {

	private final JdbcClient jdbc;

	AccruedFees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Group> groups() {
		return this.jdbc.sql("""
				SELECT DISTINCT investor_id, vehicle_id, currency FROM fee WHERE status = 'ACCRUED'
				 ORDER BY investor_id, vehicle_id, currency
				""").query((rs, n) -> new Group(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
	}

	/**
	 * Locks the group's accrued fees that no other transaction holds. A fee no invoice
	 * can hold (from before amounts were bounded) is left out, in sight of the
	 * consistency check ({@code amounts_below_maximum}), rather than stop every run.
	 */
	List<InvoiceLine> claim(Group group) {
		return this.jdbc.sql("""
				SELECT id, subscription_id, fee_type, period, amount FROM fee
				 WHERE status = 'ACCRUED' AND investor_id = :investor AND vehicle_id = :vehicle
				   AND currency = :currency AND amount < 1000000000000000
				 ORDER BY id
				   FOR UPDATE SKIP LOCKED
				""")
			.param("investor", group.investorId())
			.param("vehicle", group.vehicleId())
			.param("currency", group.currency())
			.query((rs, n) -> new InvoiceLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					FeeType.valueOf(rs.getString(3)), rs.getString(4), rs.getBigDecimal(5)))
			.list();
	}

	/**
	 * @return how many of the fees were still accrued and are now on the invoice
	 */
	int markInvoiced(List<UUID> feeIds, UUID invoiceId) {
		return this.jdbc.sql("""
				UPDATE fee SET status = 'INVOICED', invoice_id = :invoice, version = version + 1
				 WHERE id IN (:ids) AND status = 'ACCRUED'
				""").param("invoice", invoiceId).param("ids", feeIds).update();
	}

	/**
	 * @param investorId the investor
	 * @param vehicleId the vehicle
	 * @param currency ISO 4217 code
	 */
	record Group(String investorId, UUID vehicleId, String currency) {
	}

}
