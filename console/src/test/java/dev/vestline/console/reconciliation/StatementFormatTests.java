package dev.vestline.console.reconciliation;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;

class StatementFormatTests {

	@Test
	void readsACsvFileAsCsvWhateverTypeTheBrowserGaveIt() {
		assertThat(StatementUpload.formatOf(file("november.CSV", "application/vnd.ms-excel")))
			.isEqualTo(MediaType.parseMediaType("text/csv"));
	}

	@Test
	void readsAnXmlFileAsCamt053() {
		assertThat(StatementUpload.formatOf(file("camt053.xml", "application/octet-stream")))
			.isEqualTo(MediaType.APPLICATION_XML);
	}

	@Test
	void readsAFileWithoutAKnownNameByItsType() {
		assertThat(StatementUpload.formatOf(file("statement", "text/xml"))).isEqualTo(MediaType.APPLICATION_XML);
		assertThat(StatementUpload.formatOf(file("statement", "text/plain")))
			.isEqualTo(MediaType.parseMediaType("text/csv"));
	}

	private static MockMultipartFile file(String name, String type) {
		return new MockMultipartFile("statement", name, type, new byte[] { 1 });
	}

}
