package dev.vestline.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The baseline request with one parameter hostile: a path segment that is not the type,
 * an encoded slash, very long; a query value out of range; a header that makes no sense.
 * Path values are sent as they are (already encoded), so {@code %2F} reaches the server.
 */
final class ParameterCases {

	private final FuzzOperation operation;

	private final Function<FuzzOperation.Parameter, String> plain;

	ParameterCases(FuzzOperation operation, Function<FuzzOperation.Parameter, String> plain) {
		this.operation = operation;
		this.plain = plain;
	}

	List<FuzzRequest> cases(FuzzRequest baseline) {
		List<FuzzRequest> cases = new ArrayList<>();
		for (FuzzOperation.Parameter parameter : this.operation.in("path")) {
			for (String value : Hostile.PATH_VALUES) {
				cases.add(baseline.withPath("path " + parameter.name() + " = " + FuzzRequest.shorten(value, 20),
						path(parameter, value)));
			}
		}
		for (FuzzOperation.Parameter parameter : this.operation.in("query")) {
			for (String value : Hostile.QUERY_VALUES) {
				cases.add(baseline.withPath("query " + parameter.name() + " = " + FuzzRequest.shorten(value, 20),
						query(baseline, parameter, value)));
			}
		}
		for (FuzzOperation.Parameter parameter : this.operation.in("header")) {
			for (String value : Hostile.HEADER_VALUES) {
				cases.add(baseline.withHeader(parameter.name(), value)
					.as("header " + parameter.name() + " = " + FuzzRequest.shorten(value, 20)));
			}
			if (parameter.required()) {
				cases.add(baseline.withHeader(parameter.name(), null).as("header " + parameter.name() + " missing"));
			}
		}
		return cases;
	}

	private String path(FuzzOperation.Parameter hostile, String value) {
		String path = this.operation.path();
		for (FuzzOperation.Parameter parameter : this.operation.in("path")) {
			String replacement = (parameter == hostile) ? value : RequestCases.encode(this.plain.apply(parameter));
			path = path.replace("{" + parameter.name() + "}", replacement);
		}
		return path;
	}

	private String query(FuzzRequest baseline, FuzzOperation.Parameter hostile, String value) {
		String path = baseline.path();
		int question = path.indexOf('?');
		List<String> pairs = new ArrayList<>();
		if (question >= 0) {
			for (String pair : path.substring(question + 1).split("&")) {
				if (!pair.startsWith(RequestCases.encode(hostile.name()) + "=")) {
					pairs.add(pair);
				}
			}
			path = path.substring(0, question);
		}
		// %00 is sent raw, like a path value; anything else is encoded as a client would
		String encoded = value.startsWith("%") ? value : RequestCases.encode(value);
		pairs.add(RequestCases.encode(hostile.name()) + "=" + encoded);
		return path + "?" + String.join("&", pairs);
	}

}
