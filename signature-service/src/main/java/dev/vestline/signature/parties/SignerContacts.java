package dev.vestline.signature.parties;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.vestline.events.Contact;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How each signer of a workflow is reached by mail: the investor's contact from the
 * grant, the vehicle party's from its parties, copied when the workflow opens; staff
 * correct one here. A signer without a contact gets no mail (an approval requested
 * without the investor's address, a party set without one).
 */
@Component
public class SignerContacts {

	private final JdbcClient jdbc;

	private final Clock clock;

	SignerContacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records the contacts of a new workflow, in its transaction.
	 * @param workflowId the workflow
	 * @param investor the investor's contact from the grant, or {@code null}
	 * @param role the vehicle party's role
	 * @param party the vehicle party
	 */
	public void opened(UUID workflowId, @Nullable Contact investor, PartyRole role, Party party) {
		if (investor != null) {
			put(workflowId, "INVESTOR", investor, "approval");
		}
		if (party.email() != null) {
			put(workflowId, role.name(), new Contact(party.name(), party.email()), "vehicle-parties");
		}
	}

	/**
	 * Sets or corrects one signer's contact.
	 * @param workflowId the workflow
	 * @param role the signer's role
	 * @param contact the name and address
	 * @param by who set it
	 */
	public void put(UUID workflowId, String role, Contact contact, String by) {
		this.jdbc.sql("""
				INSERT INTO signer_contact (workflow_id, role, name, email, updated_by, updated_at)
				VALUES (:workflow, :role, :name, :email, :by, :now)
				ON CONFLICT (workflow_id, role) DO UPDATE
				   SET name = EXCLUDED.name, email = EXCLUDED.email, updated_by = EXCLUDED.updated_by,
				       updated_at = EXCLUDED.updated_at
				""")
			.param("workflow", workflowId)
			.param("role", role)
			.param("name", contact.name())
			.param("email", contact.email())
			.param("by", by)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * @return the signer's contact, if there is one
	 */
	public Optional<Contact> of(UUID workflowId, String role) {
		return this.jdbc.sql("SELECT name, email FROM signer_contact WHERE workflow_id = :workflow AND role = :role")
			.param("workflow", workflowId)
			.param("role", role)
			.query(Contact.class)
			.optional();
	}

	/**
	 * @return every signer's contact of the workflow, by role
	 */
	public Map<String, Contact> of(UUID workflowId) {
		return this.jdbc.sql("SELECT role, name, email FROM signer_contact WHERE workflow_id = :workflow")
			.param("workflow", workflowId)
			.query((rs, row) -> Map.entry(rs.getString("role"),
					new Contact(rs.getString("name"), rs.getString("email"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
