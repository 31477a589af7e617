package dev.vestline.support.deadletters;

import dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration;
import dev.vestline.messaging.deadletters.DeadLetters;
import dev.vestline.messaging.outbox.ParkedEvents;
import dev.vestline.support.operations.OperatorActions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the dead-letter API in every servlet service that consumes through the inbox.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DeadLetters.class)
public class DeadLetterAutoConfiguration {

	@Bean
	DeadLetterController deadLetterController(DeadLetters deadLetters, OperatorActions actions) {
		return new DeadLetterController(deadLetters, actions);
	}

	@Bean
	@ConditionalOnBean(ParkedEvents.class)
	ParkedEventController parkedEventController(ParkedEvents parked, OperatorActions actions,
			TransactionTemplate transactions) {
		return new ParkedEventController(parked, actions, transactions);
	}

}
