package dev.vestline.signature.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.List;

import dev.vestline.signature.documents.Sha256;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a sealed PDF the way a verifier would, with PDFBox to find the signature and
 * BouncyCastle to check the CMS: one signature, SubFilter ETSI.CAdES.detached, a byte
 * range that is the whole file but the signature's contents, a CMS valid against the
 * sealing certificate, signing-certificate-v2 naming that certificate, no signing-time.
 */
final class PadesSignature {

	private PadesSignature() {
	}

	/**
	 * @return where the seal's revision starts: the length of the document it sealed
	 */
	static int verify(byte[] pdf, X509Certificate sealingCertificate) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			assertThat(signatures).hasSize(1);
			PDSignature signature = signatures.get(0);
			assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			int[] range = signature.getByteRange();
			assertThat(range).hasSize(4);
			assertThat(range[0]).isZero();
			assertThat(range[2] + range[3]).as("the range ends at the end of the file").isEqualTo(pdf.length);
			assertThat(pdf[range[1]]).as("the gap is the contents' hex string").isEqualTo((byte) '<');
			assertThat(pdf[range[2] - 1]).isEqualTo((byte) '>');
			assertThat(
					new String(pdf, range[1] + 1, range[2] - range[1] - 2, java.nio.charset.StandardCharsets.US_ASCII))
				.matches("[0-9A-Fa-f]+");
			verifyCms(signature.getContents(pdf), signature.getSignedContent(pdf), sealingCertificate);
			return sealedRevisionStart(pdf, range[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void verifyCms(byte[] contents, byte[] signedContent, X509Certificate sealingCertificate) {
		try {
			// the contents are zero-padded to the room reserved: read the one DER object
			ContentInfo info;
			try (ASN1InputStream in = new ASN1InputStream(contents)) {
				info = ContentInfo.getInstance(in.readObject());
			}
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), info);
			assertThat(cms.getSignerInfos().getSigners()).hasSize(1);
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			X509CertificateHolder certificate = new JcaX509CertificateHolder(sealingCertificate);
			assertThat(cms.getCertificates().getMatches(signer.getSID())).containsExactly(certificate);
			assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)))
				.as("the CMS is valid against the sealing certificate")
				.isTrue();
			AttributeTable signed = signer.getSignedAttributes();
			assertThat(signed.get(CMSAttributes.signingTime)).as("PAdES forbids signing-time").isNull();
			assertThat(signed.get(CMSAttributes.contentType).getAttrValues().getObjectAt(0))
				.isEqualTo(PKCSObjectIdentifiers.data);
			assertThat(signed.get(CMSAttributes.messageDigest)).isNotNull();
			var signingCertificate = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
			assertThat(signingCertificate).as("signing-certificate-v2").isNotNull();
			byte[] certHash = SigningCertificateV2.getInstance(signingCertificate.getAttrValues().getObjectAt(0))
				.getCerts()[0].getCertHash();
			assertThat(certHash).isEqualTo(Sha256.digest(sealingCertificate.getEncoded()));
			assertThat(signed.size()).as("content-type, message-digest, signing-certificate-v2 only").isEqualTo(3);
		}
		catch (Exception ex) {
			throw new AssertionError("the CMS does not verify", ex);
		}
	}

	/**
	 * The seal is the last incremental update: the revision before it ends with the last
	 * {@code %%EOF} (and its line end) before the signature dictionary.
	 */
	private static int sealedRevisionStart(byte[] pdf, int contentsAt) {
		String head = new String(pdf, 0, contentsAt, java.nio.charset.StandardCharsets.ISO_8859_1);
		int eof = head.lastIndexOf("%%EOF");
		assertThat(eof).as("an earlier revision precedes the seal").isPositive();
		int end = eof + "%%EOF".length();
		while (end < head.length() && (head.charAt(end) == '\r' || head.charAt(end) == '\n')) {
			end++;
		}
		return end;
	}

}
