package dev.vestline.console.pages;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.vestline.console.signin.Person;

/** The start page goes to the person's first area; the signed-out page says so. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication) {
		List<Area> areas = Area.of(Person.of(authentication));
		return areas.isEmpty() ? "pages/no-areas" : "redirect:" + areas.getFirst().path();
	}

	@GetMapping("/signed-out")
	String signedOut() {
		return "pages/signed-out";
	}

}
