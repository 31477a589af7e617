package dev.vestline.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signers' links are read from the signature service's log, in the format its
 * {@code SigningLinkDelivery} writes.
 */
class SigningLinksTests {

	private static final String LINE = "2026-11-23T01:46:15.651Z  INFO 17604 --- [signature-service] [ntainer#0-0-C-1] "
			+ "d.v.s.signing.SigningLinkDelivery        : Signing link for %s %s of workflow %s, valid until "
			+ "2026-12-07T01:46:15.584478503Z: http://localhost:34937/sign/%s";

	@TempDir
	Path logs;

	@Test
	void readsEachRolesLatestLinkOfTheWorkflowOnly() throws Exception {
		UUID workflow = UUID.randomUUID();
		Path log = this.logs.resolve("signature.log");
		Files.write(log,
				List.of(LINE.formatted("INVESTOR", "inv-1", workflow, "first-investor-token"),
						LINE.formatted("ARRANGER", "arr-1", UUID.randomUUID(), "someone-elses-token"),
						"an unrelated line", LINE.formatted("ARRANGER", "arr-1", workflow, "arranger-token"),
						LINE.formatted("INVESTOR", "inv-1", workflow, "renewed-investor-token")));

		var tokens = new SigningLinks(List.of(log)).await(workflow, List.of("INVESTOR", "ARRANGER"),
				Duration.ofSeconds(5));

		assertThat(tokens).containsExactlyInAnyOrderEntriesOf(
				java.util.Map.of("INVESTOR", "renewed-investor-token", "ARRANGER", "arranger-token"));
	}

	@Test
	void readsTheLinksOfEveryReplicasLogAndLinesWrittenAfterTheLastRead() throws Exception {
		UUID workflow = UUID.randomUUID();
		Path first = this.logs.resolve("signature.log");
		Path second = this.logs.resolve("signature-9082.log");
		Files.write(first, List.of("an unrelated line"));
		SigningLinks links = new SigningLinks(List.of(first, second));
		assertThat(links.await(UUID.randomUUID(), List.of(), Duration.ofSeconds(5))).isEmpty();
		Files.writeString(first, LINE.formatted("INVESTOR", "inv-1", workflow, "investor-token") + "\n",
				StandardOpenOption.APPEND);
		// a line the other replica is still writing: read once it is complete
		Files.writeString(second, LINE.formatted("ARRANGER", "arr-1", workflow, "arranger-token"));

		assertThat(links.await(workflow, List.of("INVESTOR"), Duration.ofSeconds(5)))
			.containsExactlyEntriesOf(java.util.Map.of("INVESTOR", "investor-token"));

		Files.writeString(second, "\n", StandardOpenOption.APPEND);
		assertThat(links.await(workflow, List.of("INVESTOR", "ARRANGER"), Duration.ofSeconds(5)))
			.containsExactlyInAnyOrderEntriesOf(
					java.util.Map.of("INVESTOR", "investor-token", "ARRANGER", "arranger-token"));
	}

}
