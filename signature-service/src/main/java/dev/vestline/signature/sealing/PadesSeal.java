package dev.vestline.signature.sealing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Seals a PDF with the platform's key: one PAdES baseline B-B signature (SubFilter
 * {@code ETSI.CAdES.detached}, a detached CMS over the byte range that is the whole file
 * but the signature itself), written as an incremental update so that every byte before
 * it stays as it was.
 */
final class PadesSeal {

	static final String REASON = "Sealed on completion by the Vestline signature service";

	private final SealingKey key;

	PadesSeal(SealingKey key) {
		this.key = key;
	}

	/**
	 * @param pdf the document to seal
	 * @param at the claimed signing time, stated in the signature dictionary
	 * @return the document followed by the seal
	 */
	byte[] seal(byte[] pdf, Instant at) {
		try (PDDocument document = Loader.loadPDF(pdf);
				SignatureOptions options = new SignatureOptions();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName("Vestline signature service");
			signature.setReason(REASON);
			Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
			time.setTimeInMillis(at.toEpochMilli());
			signature.setSignDate(time);
			options.setPreferredSignatureSize(signatureSize());
			document.addSignature(signature, options);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
			external.setSignature(cms(external.getContent().readAllBytes()));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Room for the CMS: the signature and attributes, and every certificate of the chain.
	 */
	private int signatureSize() {
		return 8192 + this.key.chain().stream().mapToInt((certificate) -> SealingKey.encoded(certificate).length).sum();
	}

	private byte[] cms(byte[] content) {
		try {
			X509CertificateHolder certificate = new JcaX509CertificateHolder(this.key.certificate());
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator
				.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
					.setSignedAttributeGenerator(new PadesSignedAttributes(certificate))
					.build(new JcaContentSignerBuilder(this.key.signatureAlgorithm()).build(this.key.privateKey()),
							certificate));
			generator.addCertificates(new JcaCertStore(this.key.chain()));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException ex) {
			throw new IllegalStateException("Cannot seal with the key of " + subject(this.key.certificate()), ex);
		}
	}

	private static String subject(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().getName();
	}

}
