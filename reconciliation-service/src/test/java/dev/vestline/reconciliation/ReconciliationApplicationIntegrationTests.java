package dev.vestline.reconciliation;

import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.ServiceConventionTests;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The conventions every Vestline service keeps, checked on the running reconciliation
 * service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(service = "reconciliation")
class ReconciliationApplicationIntegrationTests extends ServiceConventionTests {

}
