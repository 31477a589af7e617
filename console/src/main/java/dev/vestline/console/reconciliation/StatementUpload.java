package dev.vestline.console.reconciliation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import dev.vestline.console.services.ServiceProblem;

/**
 * Uploads a bank statement (picked or dropped: the form is the same) to
 * reconciliation-service and shows what it did with each line, or why it refused the
 * file, in its words.
 */
@Controller
@RequestMapping("/reconciliation/statements")
class StatementUpload {

	private final DeskApi api;

	StatementUpload(DeskApi api) {
		this.api = api;
	}

	@PostMapping
	ModelAndView upload(@RequestParam(name = "statement", required = false) @Nullable MultipartFile file, Model model) {
		if (file == null || file.isEmpty()) {
			model.addAttribute("refusal", new ServiceProblem(400, "invalid-request", "No statement",
					"Choose a camt.053 (.xml) or CSV (.csv) file to upload.", List.of()));
			return new ModelAndView("reconciliation/statement", model.asMap(), HttpStatus.BAD_REQUEST);
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		try (InputStream content = file.getInputStream()) {
			model.addAttribute("statement", this.api.importStatement(content, file.getSize(), formatOf(file)));
			return new ModelAndView("reconciliation/statement", model.asMap());
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 403 || problem.status() >= 500) {
				throw problem;
			}
			model.addAttribute("refusal", problem);
			return new ModelAndView("reconciliation/statement", model.asMap(), HttpStatus.valueOf(problem.status()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * camt.053 by its name or its type, CSV otherwise: browsers give a CSV file types as
	 * varied as {@code application/vnd.ms-excel}, so the name decides first.
	 */
	static MediaType formatOf(MultipartFile file) {
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename().toLowerCase(Locale.ROOT) : "";
		String type = (file.getContentType() != null) ? file.getContentType() : "";
		if (name.endsWith(".xml") || (!name.endsWith(".csv") && type.contains("xml"))) {
			return MediaType.APPLICATION_XML;
		}
		return MediaType.parseMediaType("text/csv");
	}

}
