package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vestline.console.services.ServiceProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScheduleFormTests {

	@Test
	void sendsNumbersAsNumbersAndLeavesTheirRangesToTheService() {
		Map<String, Object> body = new ScheduleForm(" 6f1c ", "EUR", "150", "1,250.00", "5000").body();

		assertThat(body).containsEntry("subscriptionFeeBps", new BigDecimal("150"))
			.containsEntry("managementFeeBps", new BigDecimal("5000"))
			.containsEntry("subscriptionFeeMinimum", new BigDecimal("1250.00"))
			.containsEntry("vehicleId", "6f1c");
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

	@Test
	void namesEveryFieldThatIsNotANumberInWords() {
		ServiceProblem problem = catchThrowableOfType(ServiceProblem.class,
				() -> new ScheduleForm("v", "EUR", "1.5", "a lot", "100").body());

		assertThat(problem.status()).isEqualTo(400);
		assertThat(problem.errorFor("subscriptionFeeBps"))
			.isEqualTo("must be a whole number of basis points, such as 150");
		assertThat(problem.errorFor("subscriptionFeeMinimum")).isEqualTo("must be an amount such as 500.00");
		assertThat(problem.errorFor("managementFeeBps")).isNull();
	}

}
