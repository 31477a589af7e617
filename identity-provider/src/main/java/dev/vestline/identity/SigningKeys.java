package dev.vestline.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.stereotype.Component;

/**
 * The keys tokens are signed with: one current RSA key (RS256) and one current EC key
 * (ES256), plus every key rotated out, which stays published so tokens it signed are
 * accepted until they expire. The JWK set endpoint publishes them all; the token
 * customizer names the current key ({@code kid}) so the encoder picks it.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	private volatile JWK currentRsa = rsa();

	private volatile JWK currentEc = ec();

	private final List<JWK> retired = new ArrayList<>();

	/**
	 * Makes new keys current; the old ones stay published.
	 * @return the new RSA key's id
	 */
	public synchronized String rotate() {
		this.retired.add(this.currentRsa);
		this.retired.add(this.currentEc);
		this.currentRsa = rsa();
		this.currentEc = ec();
		return this.currentRsa.getKeyID();
	}

	/**
	 * @param algorithm {@code RS256} or {@code ES256}
	 * @return the current key for it, private part included (tests sign with it)
	 */
	public JWK current(String algorithm) {
		return JWSAlgorithm.ES256.getName().equals(algorithm) ? this.currentEc : this.currentRsa;
	}

	@Override
	public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) {
		List<JWK> all = new ArrayList<>(List.of(this.currentRsa, this.currentEc));
		all.addAll(this.retired);
		return selector.select(new JWKSet(all));
	}

	private static JWK rsa() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWK ec() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
