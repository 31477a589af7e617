package dev.vestline.billing.invoices;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditorReferenceTests {

	@Test
	void computesTheCheckDigitsOfTheStandardsExample() {
		assertThat(CreditorReference.of("539007547034")).isEqualTo("RF18539007547034");
		assertThat(CreditorReference.isValid("RF18 5390 0754 7034")).isTrue();
	}

	@Test
	void rejectsWrongCheckDigitsAndBadReferences() {
		assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
		assertThat(CreditorReference.isValid("XX18539007547034")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CreditorReference.of("too-long-and-not-alphanumeric"));
	}

	@Test
	void everyInvoiceReferenceIsValidAndPadsSmallCheckDigits() {
		for (int sequence = 1; sequence < 2_000; sequence++) {
			String reference = InvoiceNumbers.paymentReference(2026, sequence);
			assertThat(CreditorReference.isValid(reference)).as(reference).isTrue();
			assertThat(reference).matches("RF[0-9]{2}2026[0-9]{6}");
		}
	}

}
