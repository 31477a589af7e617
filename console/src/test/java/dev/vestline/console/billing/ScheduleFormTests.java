package dev.vestline.console.billing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleFormTests {

	@Test
	void sendsWholeNumbersAsNumbersAndAnythingElseAsTypedForTheServiceToJudge() {
		Map<String, Object> body = new ScheduleForm(" 6f1c… ", "EUR", "150", "250.00", "1.5").body();

		assertThat(body).containsEntry("subscriptionFeeBps", 150)
			.containsEntry("managementFeeBps", "1.5")
			.containsEntry("subscriptionFeeMinimum", "250.00")
			.containsEntry("vehicleId", "6f1c…");
	}

	@Test
	void sendsABlankFieldAsAbsent() {
		Map<String, Object> body = new ScheduleForm("", " ", "", "", null).body();

		assertThat(body).containsEntry("vehicleId", null)
			.containsEntry("currency", null)
			.containsEntry("subscriptionFeeBps", null)
			.containsEntry("subscriptionFeeMinimum", null)
			.containsEntry("managementFeeBps", null);
	}

}
