package dev.vestline.signature.mail;

import dev.vestline.signature.signing.LinkReminders;
import dev.vestline.signature.signing.LinkReminders.PendingLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every {@code check-interval}, on every replica: reminds the signers who are due a
 * reminder and tells those whose link expired. Each is one conditional update, so a
 * signer hears once however many replicas look.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignatureMailProperties.class)
class ReminderSchedule implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(ReminderSchedule.class);

	private final LinkReminders reminders;

	private final SignatureMailProperties properties;

	ReminderSchedule(LinkReminders reminders, SignatureMailProperties properties) {
		this.reminders = reminders;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.properties.checkInterval());
	}

	/**
	 * @return how many signers this call reminded or told of an expired link
	 */
	int run() {
		int done = 0;
		try {
			for (PendingLink due : this.reminders.dueForReminder(this.properties.remindEvery(),
					this.properties.maxReminders())) {
				done += this.reminders.remind(due) ? 1 : 0;
			}
			for (PendingLink expired : this.reminders.expiredUnmailed()) {
				done += this.reminders.expired(expired) ? 1 : 0;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Reminders failed; trying again at the next interval", ex);
		}
		return done;
	}

}
