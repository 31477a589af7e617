// The console's only script besides htmx: served from here, never inline (the CSP allows none).
// Rejecting needs a reason: say so before the form goes out (the service says it too).
document.addEventListener('click', (event) => {
	const reject = event.target.closest('button[name="decision"][value="REJECT"]');
	if (!reject) {
		return;
	}
	const reason = reject.form.querySelector('textarea[name="reason"]');
	if (reason && reason.value.trim() === '') {
		event.preventDefault();
		reason.setCustomValidity('Give a reason to reject.');
		reason.reportValidity();
		reason.addEventListener('input', () => reason.setCustomValidity(''), { once: true });
	}
});
