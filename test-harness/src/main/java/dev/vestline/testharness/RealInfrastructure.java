package dev.vestline.testharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test context against real infrastructure: a fresh database on the JVM's
 * PostgreSQL server with the service's schema and role, and a Kafka broker of its own (so
 * that no other cached context consumes its records). Sets {@code spring.datasource.*}
 * and {@code spring.kafka.bootstrap-servers}, and registers a {@link TestInfrastructure}
 * bean for tests that need the broker or a superuser.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

	/**
	 * @return the service whose schema and role the context connects with
	 */
	String service();

}
