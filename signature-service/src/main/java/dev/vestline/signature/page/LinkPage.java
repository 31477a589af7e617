package dev.vestline.signature.page;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a link's page shows.
 *
 * @param token the link's token, for the page's own links and forms
 * @param state where the link stands
 * @param document the document, in words ("subscription pack")
 * @param signerName whom the link is for
 * @param role their role, in words
 * @param version the document version shown
 * @param pages the document's pages, each with its text
 * @param parties everyone who signs, in stamp order
 * @param stillToSign the names of those who have not signed yet, in words
 * @param expiresAt until when the link works, in words
 * @param reason why the workflow was cancelled or declined, if it says
 * @param consentVersion the disclosure shown
 */
record LinkPage(String token, PageState state, String document, String signerName, String role, int version,
		List<Page> pages, List<Party> parties, String stillToSign, String expiresAt, @Nullable String reason,
		String consentVersion) {

	/**
	 * @param number from 1
	 * @param text its text, the image's alternative
	 */
	record Page(int number, String text) {
	}

	/**
	 * @param name the party's name
	 * @param role their role, in words
	 * @param where what they did, in words
	 * @param signed whether they signed
	 */
	record Party(String name, String role, String where, boolean signed) {
	}

}
