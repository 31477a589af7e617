package dev.vestline.reconciliation.expectations;

import java.util.UUID;

/**
 * Published in-process, inside the inbox transaction, when a new subscription commitment
 * is expected, so that matching can look at bank lines that arrived before it.
 *
 * @param subscriptionId the subscription
 * @param currency the currency of the money expected
 */
public record SubscriptionExpected(UUID subscriptionId, String currency) {

}
