package dev.vestline.fuzz;

/**
 * The bearer tokens the fuzzer sends: one allowed to call every operation (so hostile
 * input reaches the code behind the security rules), one of a role no rule knows.
 *
 * @param allowed a token with every role the service's operations ask for
 * @param wrongRole a valid token of a role that is allowed nothing
 */
public record Access(String allowed, String wrongRole) {

}
