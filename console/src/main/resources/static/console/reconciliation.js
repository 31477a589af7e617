// The reconciliation desk's drag and drop, served from here (the CSP allows no inline
// script). Without it the file picker does the same: a dropped file is put into the
// form's file input, and the person sends the form as if they had picked it.
(() => {
	const zone = document.getElementById('dropzone');
	if (!zone) {
		return;
	}
	const input = zone.querySelector('input[type="file"]');
	const chosen = zone.querySelector('.chosen');
	zone.querySelector('.drop-hint').hidden = false;
	const show = () => {
		chosen.textContent = (input.files.length > 0) ? 'Ready to upload: ' + input.files[0].name : '';
	};
	['dragenter', 'dragover'].forEach((type) => zone.addEventListener(type, (event) => {
		event.preventDefault();
		zone.classList.add('dragging');
	}));
	['dragleave', 'drop'].forEach((type) => zone.addEventListener(type, () => zone.classList.remove('dragging')));
	zone.addEventListener('drop', (event) => {
		event.preventDefault();
		if (event.dataTransfer && event.dataTransfer.files.length > 0) {
			input.files = event.dataTransfer.files;
			show();
		}
	});
	input.addEventListener('change', show);
})();
