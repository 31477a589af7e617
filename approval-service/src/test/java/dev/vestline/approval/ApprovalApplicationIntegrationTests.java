package dev.vestline.approval;

import dev.vestline.approval.support.ApprovalIntegrationTest;
import dev.vestline.testharness.ServiceConventionTests;

/**
 * The conventions every Vestline service keeps, checked on the running approval service.
 */
@ApprovalIntegrationTest
class ApprovalApplicationIntegrationTests extends ServiceConventionTests {

}
