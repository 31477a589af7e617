// The signing page's own script: a form is sent once (a double click sends nothing
// more), and a form's errors are announced and focused when the page shows them.
document.addEventListener('submit', function (event) {
	var form = event.target;
	if (!form.hasAttribute('data-once')) {
		return;
	}
	if (form.getAttribute('data-sent') === 'true') {
		event.preventDefault();
		return;
	}
	form.setAttribute('data-sent', 'true');
	// disabled after this event, so the submission itself still goes out
	setTimeout(function () {
		form.querySelectorAll('button[type=submit]').forEach(function (button) {
			button.disabled = true;
			button.setAttribute('aria-busy', 'true');
		});
	}, 0);
});

document.addEventListener('DOMContentLoaded', function () {
	var summary = document.getElementById('error-summary');
	if (summary) {
		summary.focus();
	}
});

// a page shown again from the back/forward cache gets its buttons back
window.addEventListener('pageshow', function (event) {
	if (event.persisted) {
		document.querySelectorAll('form[data-sent]').forEach(function (form) {
			form.removeAttribute('data-sent');
			form.querySelectorAll('button[type=submit]').forEach(function (button) {
				button.disabled = false;
				button.removeAttribute('aria-busy');
			});
		});
	}
});
