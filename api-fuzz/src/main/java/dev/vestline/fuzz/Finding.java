package dev.vestline.fuzz;

/**
 * A request the service answered wrongly, with what was wrong and the answer.
 *
 * @param request the request, exactly as sent
 * @param problem what was wrong, e.g. {@code 500}, {@code not a problem}
 * @param status the answer's status, or 0 for none
 * @param contentType the answer's content type
 * @param body the answer's body, shortened
 */
public record Finding(FuzzRequest request, String problem, int status, String contentType, String body) {

	/**
	 * @return the request and the answer, enough to reproduce it with curl
	 */
	public String describe() {
		return "[" + this.problem + "] " + this.request.operation() + " — " + this.request.mutation() + "\n"
				+ this.request.describe() + "\n  -> " + this.status + " " + this.contentType + " "
				+ FuzzRequest.shorten(this.body, 300);
	}

}
