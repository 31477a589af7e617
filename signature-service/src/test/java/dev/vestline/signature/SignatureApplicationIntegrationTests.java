package dev.vestline.signature;

import dev.vestline.testharness.ServiceConventionTests;

/**
 * The conventions every Vestline service keeps, checked on the running signature service.
 */
@SignatureIntegrationTest
class SignatureApplicationIntegrationTests extends ServiceConventionTests {

}
