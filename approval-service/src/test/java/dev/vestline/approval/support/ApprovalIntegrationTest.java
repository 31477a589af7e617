package dev.vestline.approval.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.vestline.testharness.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running service on the harness's real PostgreSQL and Kafka. Every integration test
 * class uses exactly this, so they share one cached context. The scheduled expiry is
 * pushed out of the way: tests run the job themselves, as many replicas as they need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vestline.approval.expiry.interval=PT1H")
@RealInfrastructure(service = "approval")
public @interface ApprovalIntegrationTest {

}
