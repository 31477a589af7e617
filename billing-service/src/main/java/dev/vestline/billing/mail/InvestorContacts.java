package dev.vestline.billing.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import dev.vestline.events.Contact;
import dev.vestline.events.signature.SigningWorkflowCompleted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The investors' names and addresses, as signed subscription packs carry them; the latest
 * one wins (the signature service's staff may have corrected it).
 */
@Component
public class InvestorContacts {

	private final JdbcClient jdbc;

	private final Clock clock;

	InvestorContacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Keeps the investor's contact a completion carries, in the consumer's transaction; a
	 * completion without one (older signature services) changes nothing.
	 */
	public void remember(SigningWorkflowCompleted completed) {
		Contact investor = completed.investor();
		if (investor == null) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO investor_contact (investor_id, name, email, updated_at) VALUES (:id, :name, :email, :now)
				ON CONFLICT (investor_id) DO UPDATE
				   SET name = EXCLUDED.name, email = EXCLUDED.email, updated_at = EXCLUDED.updated_at
				""")
			.param("id", completed.investorId())
			.param("name", investor.name())
			.param("email", investor.email())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	Optional<Contact> of(String investorId) {
		return this.jdbc.sql("SELECT name, email FROM investor_contact WHERE investor_id = :id")
			.param("id", investorId)
			.query(Contact.class)
			.optional();
	}

}
