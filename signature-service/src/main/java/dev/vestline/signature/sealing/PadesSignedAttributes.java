package dev.vestline.signature.sealing;

import java.util.Map;

import dev.vestline.signature.documents.Sha256;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;

/**
 * The signed attributes of a PAdES baseline signature, and no others: content-type,
 * message-digest and signing-certificate-v2. BouncyCastle's default generator would add
 * {@code signing-time}, which PAdES forbids (the claimed time is the signature
 * dictionary's {@code /M}), and would leave out {@code signing-certificate-v2}, which
 * PAdES requires so that the signer's certificate cannot be substituted.
 */
final class PadesSignedAttributes implements CMSAttributeTableGenerator {

	private final X509CertificateHolder certificate;

	PadesSignedAttributes(X509CertificateHolder certificate) {
		this.certificate = certificate;
	}

	@Override
	public AttributeTable getAttributes(Map params) {
		ASN1EncodableVector attributes = new ASN1EncodableVector();
		attributes.add(new Attribute(CMSAttributes.contentType,
				new DERSet((ASN1ObjectIdentifier) params.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
		attributes.add(new Attribute(CMSAttributes.messageDigest,
				new DERSet(new DEROctetString((byte[]) params.get(CMSAttributeTableGenerator.DIGEST)))));
		attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
				new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { certId() }))));
		return new AttributeTable(attributes);
	}

	/**
	 * The SHA-256 of the certificate (the default algorithm, so not named) and its issuer
	 * and serial.
	 */
	private ESSCertIDv2 certId() {
		try {
			return new ESSCertIDv2(Sha256.digest(this.certificate.getEncoded()),
					new IssuerSerial(new GeneralNames(new GeneralName(this.certificate.getIssuer())),
							this.certificate.getSerialNumber()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
