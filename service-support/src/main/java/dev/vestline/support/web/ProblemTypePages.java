package dev.vestline.support.web;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the page each problem {@code type} names, {@code /problems/<slug>}, on every
 * service: a person who follows a problem's type reads what happened and what to do, from
 * the same catalogue the problems are answered from.
 */
@Hidden
@RestController
class ProblemTypePages {

	private final ProblemTypes types;

	ProblemTypePages(ProblemTypes types) {
		this.types = types;
	}

	@GetMapping(path = "/problems/{slug}", produces = { MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<String> page(@PathVariable String slug) {
		return this.types.find(slug)
			.map((type) -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html(type)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static String html(ProblemTypes.ProblemType type) {
		String title = HtmlUtils.htmlEscape(type.title());
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
				<body><h1>%s</h1>
				<p>Problem type <code>%s%s</code>, answered with HTTP status %d.</p>
				<p>%s</p></body></html>
				""".formatted(title, title, Problems.TYPE_BASE, HtmlUtils.htmlEscape(type.slug()), type.status(),
				HtmlUtils.htmlEscape(type.description()));
	}

}
