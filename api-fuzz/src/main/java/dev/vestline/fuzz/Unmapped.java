package dev.vestline.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests outside the document: a path no operation has, and a method a path does not
 * take. Their 404 and 405 must be problems too.
 */
final class Unmapped {

	private Unmapped() {
	}

	static List<FuzzRequest> cases(Set<String> paths, Access access) {
		Map<String, String> headers = Map.of("Authorization", "Bearer " + access.allowed());
		List<FuzzRequest> cases = new ArrayList<>();
		cases.add(new FuzzRequest("GET /api/v1/no-such-thing", "unknown path", "GET", "/api/v1/no-such-thing", headers,
				new byte[0]));
		cases.add(new FuzzRequest("GET /no-such-thing", "unknown path outside the API", "GET", "/no-such-thing",
				headers, new byte[0]));
		for (String path : paths) {
			String concrete = path.replaceAll("\\{[^}]+}", SchemaExamples.UUID);
			cases.add(new FuzzRequest("TRACE " + path, "method the path does not take", "TRACE", concrete, headers,
					new byte[0]));
			cases.add(new FuzzRequest("DELETE " + path, "method the path may not take", "DELETE", concrete, headers,
					new byte[0]));
		}
		return cases;
	}

}
