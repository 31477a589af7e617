package dev.vestline.console.pages;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.vestline.console.signin.Person;

/** Gives every page the signed-in person and the areas their roles give. */
@ControllerAdvice
class Navigation {

	@ModelAttribute("person")
	@Nullable Person person(@Nullable Authentication authentication) {
		return (authentication instanceof OAuth2AuthenticationToken) ? Person.of(authentication) : null;
	}

	@ModelAttribute("areas")
	List<Area> areas(@Nullable Authentication authentication) {
		return (authentication instanceof OAuth2AuthenticationToken) ? Area.of(Person.of(authentication)) : List.of();
	}

}
