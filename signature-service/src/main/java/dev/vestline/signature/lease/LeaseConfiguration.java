package dev.vestline.signature.lease;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Binds the lease properties and schedules the reaper at its configured interval.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(LeaseProperties.class)
class LeaseConfiguration implements SchedulingConfigurer {

	private final LeaseReaper reaper;

	private final LeaseProperties properties;

	LeaseConfiguration(LeaseReaper reaper, LeaseProperties properties) {
		this.reaper = reaper;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.reaper::reap, this.properties.reaperInterval());
	}

}
