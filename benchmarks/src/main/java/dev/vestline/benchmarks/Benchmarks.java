package dev.vestline.benchmarks;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every benchmark in one go and writes {@code benchmarks/results/latest.md} and
 * {@code benchmarks/results/benchmarks.png}. Throughput runs of all systems alternate, so
 * that a slower or busier moment of the machine hits all of them alike.
 * <p>
 * {@code ./mvnw -B -Pbenchmarks -pl benchmarks exec:exec [-Dbench.args="events=20000 runs=2 seconds=10"]}
 */
public final class Benchmarks {

	private static final Logger logger = LoggerFactory.getLogger(Benchmarks.class);

	private Benchmarks() {
	}

	public static void main(String[] args) {
		Sizes sizes = Sizes.parse(args);
		Stopwatch total = Stopwatch.start();
		Results results = new Results();
		try (Lab lab = Lab.start()) {
			warmUp(lab, sizes);
			for (int i = 1; i <= sizes.runs(); i++) {
				int run = i;
				String input = "consumer-input-" + run;
				results.measure("limit", Report.RAW_PRODUCER, "events/s", "",
						() -> RawProducer.send(lab, sizes, input));
				results.measure("limit", Report.POSTGRES, "commits/s", "1 connection",
						() -> PostgresInsertRate.measure(lab, 20_000));
				results.measure("relay", "Vestline", "events/s", "",
						() -> VestlineRelay.drain(lab, sizes, "vestline-relay-" + run));
				results.measure("relay", "Vestline, one batch at a time (pipeline depth 1)", "events/s", "",
						() -> VestlineRelay.drain(lab, sizes, "vestline-relay-sequential-" + run, 1));
				results.measure("relay", "Vestline, database steps alone", "events/s", "claim + mark, no Kafka",
						() -> databaseSteps(results, lab, sizes));
				String peerRelay = "relay, " + backlog(sizes);
				results.measure(peerRelay, "Vestline", "events/s", "",
						() -> VestlineRelay.drain(lab, sizes.withEvents(sizes.peerEvents()), "vestline-small-" + run));
				results.measure("consumer", "Vestline", "events/s", "inbox, 10% redelivered",
						() -> consume(results, lab, sizes, input, InboxConsumer.Handler.ROW_PER_EVENT));
				results.measure("consumer", "Vestline, batch handler (receiveAll), one INSERT per batch", "events/s",
						"inbox, 10% redelivered",
						() -> consume(results, lab, sizes, input, InboxConsumer.Handler.ROWS_PER_BATCH));
				results.measure("consumer", "Vestline, handler writes nothing", "events/s", "inbox alone",
						() -> InboxConsumer.consume(lab, sizes, input, InboxConsumer.Handler.NOTHING).rate());
				if (sizes.runs("modulith")) {
					results.measure(peerRelay, ModulithPeer.NAME, "events/s", "",
							() -> ModulithPeer.drain(lab, sizes.peerEvents(), sizes.accounts(), "modulith-" + run));
				}
				if (sizes.runs("debezium")) {
					results.measure(peerRelay, DebeziumPeer.NAME, "events/s", "",
							() -> DebeziumPeer.drain(lab, sizes.peerEvents(), sizes.accounts(), "debezium-" + run));
				}
				if (sizes.runs("namastack")) {
					results.measure(peerRelay, NamastackPeer.NAME, "events/s", "",
							() -> NamastackPeer.drain(lab, sizes.peerEvents(), sizes.accounts(), "namastack-" + run));
				}
			}
			latency(results, "Vestline", () -> VestlineEndToEnd.run(lab, sizes));
			if (sizes.runs("modulith")) {
				latency(results, ModulithPeer.NAME, () -> ModulithPeer.endToEnd(lab, sizes));
			}
			if (sizes.runs("debezium")) {
				latency(results, DebeziumPeer.NAME, () -> DebeziumPeer.endToEnd(lab, sizes));
			}
			if (sizes.runs("namastack")) {
				latency(results, NamastackPeer.NAME, () -> NamastackPeer.endToEnd(lab, sizes));
			}
		}
		String machine = Machine.describe();
		String report = Report.markdown(results, sizes, machine) + "\nTotal time: %.0f s\n".formatted(total.seconds());
		Path directory = Path.of("benchmarks", "results");
		Report.write(directory.resolve("latest.md"), report);
		Plot.write(results, directory.resolve("benchmarks.png"));
		logger.info("\n{}", report);
		System.exit(0); // the peers' libraries may leave non-daemon threads behind
	}

	/**
	 * One unrecorded round of Vestline's and the limits' code paths at a tenth of the
	 * size, so that the first recorded run does not measure the JIT compiler.
	 */
	private static void warmUp(Lab lab, Sizes sizes) {
		Sizes small = sizes.scaled(10);
		Results discarded = new Results();
		discarded.measure("limit", "warm-up", "", "", () -> RawProducer.send(lab, small, "warm-up-input"));
		discarded.measure("limit", "warm-up", "", "", () -> PostgresInsertRate.measure(lab, 2_000));
		discarded.measure("relay", "warm-up", "", "", () -> VestlineRelay.drain(lab, small, "warm-up-relay"));
		discarded.measure("consumer", "warm-up", "", "",
				() -> InboxConsumer.consume(lab, small, "warm-up-input", InboxConsumer.Handler.ROW_PER_EVENT).rate());
	}

	private static double databaseSteps(Results results, Lab lab, Sizes sizes) {
		RelayDatabaseSteps.Steps steps = RelayDatabaseSteps.measure(lab, sizes);
		results.remark("Relay database steps alone: claim %.1f ms, mark %.1f ms per batch of %d."
			.formatted(steps.claimMillis(), steps.markMillis(), sizes.relayBatch()));
		return steps.rate();
	}

	private static String backlog(Sizes sizes) {
		return "%,d-event backlog".formatted(sizes.peerEvents());
	}

	private static void latency(Results results, String system, Supplier<VestlineEndToEnd.Result> run) {
		try {
			results.latency(system, run.get());
		}
		catch (RuntimeException | LinkageError ex) {
			results.failed(system + " (end to end)", ex);
		}
	}

	private static double consume(Results results, Lab lab, Sizes sizes, String topic, InboxConsumer.Handler handler) {
		InboxConsumer.Consumed consumed = InboxConsumer.consume(lab, sizes, topic, handler);
		if (consumed.effects() != sizes.events() || consumed.duplicates() != sizes.duplicates()) {
			results.remark("Inbox run applied %d, suppressed %d duplicates, wrote %d effects; expected %d, %d, %d"
				.formatted(consumed.applied(), consumed.duplicates(), consumed.effects(), sizes.events(),
						sizes.duplicates(), sizes.events()));
		}
		return consumed.rate();
	}

}
