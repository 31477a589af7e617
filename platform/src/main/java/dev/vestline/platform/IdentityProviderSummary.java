package dev.vestline.platform;

/**
 * What a developer needs to get tokens from the platform's identity provider: the issuer,
 * the demo people's password and the scripts client's secret for this run, and a token
 * recipe.
 */
final class IdentityProviderSummary {

	private IdentityProviderSummary() {
	}

	static String of(IdentityProviderProcess identity, String approvalUrl) {
		return """
				  %-15s %s   (OpenID configuration: %s/.well-known/openid-configuration)
				  %-15s %s, password %s (sign in with the browser: authorization code + PKCE, client vestline-console)
				  %-15s client %s, secret %s (client credentials, role operations)

				  e.g. TOKEN=$(curl -s -u %s:%s -d grant_type=client_credentials %s/oauth2/token | jq -r .access_token)
				       curl -H "Authorization: Bearer $TOKEN" %s/api/v1/deals
				""".formatted("identity", identity.issuer(), identity.issuer(), "people",
				String.join(", ", IdentityProviderProcess.PEOPLE.keySet().stream().sorted().toList()),
				identity.password(), "scripts", IdentityProviderProcess.SCRIPTS_CLIENT, identity.scriptsSecret(),
				IdentityProviderProcess.SCRIPTS_CLIENT, identity.scriptsSecret(), identity.issuer(), approvalUrl);
	}

}
