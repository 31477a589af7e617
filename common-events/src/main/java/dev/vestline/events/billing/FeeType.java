package dev.vestline.events.billing;

/**
 * The kind of a fee from a vehicle's fee schedule.
 */
public enum FeeType {

	/** A one-off fee on a subscription, accrued when its subscription pack is signed. */
	SUBSCRIPTION,

	/** A recurring fee for managing the vehicle, accrued per period (e.g. a quarter). */
	MANAGEMENT

}
