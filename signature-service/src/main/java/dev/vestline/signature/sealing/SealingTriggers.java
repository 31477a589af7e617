package dev.vestline.signature.sealing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.signature.workflows.WorkflowEvents.SignatureEventAppended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When sealing happens: as soon as a completion commits, on a thread of its own so the
 * last signer's answer does not wait for it; and in a sweep at
 * {@code vestline.signature.sealing.sweep-interval} for every completed workflow without
 * a seal (the process stopped first, or sealing failed). Both may reach the same
 * workflow, on any number of replicas: {@link Sealing} stores one seal whatever the
 * number.
 */
@Component
class SealingTriggers implements SchedulingConfigurer, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SealingTriggers.class);

	private static final int BATCH = 20;

	private final Sealing sealing;

	private final SealedDocuments sealed;

	private final SealingProperties properties;

	private final SealingMetrics metrics;

	// one at a time: sealing is CPU work, and a backlog waits here rather than on the
	// pool
	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("sealing").daemon().factory());

	SealingTriggers(Sealing sealing, SealedDocuments sealed, SealingProperties properties, SealingMetrics metrics) {
		this.sealing = sealing;
		this.sealed = sealed;
		this.properties = properties;
		this.metrics = metrics;
	}

	@TransactionalEventListener
	void completed(SignatureEventAppended appended) {
		if (appended.event() instanceof SigningWorkflowCompleted completed) {
			this.worker.execute(() -> seal(completed.workflowId()));
		}
	}

	/**
	 * @return how many completed workflows this call found without a seal
	 */
	int sweep() {
		List<UUID> unsealed = this.sealed.unsealed(BATCH);
		unsealed.forEach(this::seal);
		return unsealed.size();
	}

	private void seal(UUID workflowId) {
		try {
			this.sealing.sealed(workflowId);
		}
		catch (RuntimeException ex) {
			this.metrics.failed();
			logger.warn("Sealing workflow {} failed; the sweep tries again", workflowId, ex);
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, this.properties.sweepInterval());
	}

	@Override
	public void destroy() {
		// a seal cut short is found by the next sweep, on this replica or another
		this.worker.shutdownNow();
	}

}
