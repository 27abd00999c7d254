// The report's print button (shown only where script runs; otherwise the browser's own print command does the same).
(function () {
  const button = document.querySelector('[data-print]');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
})();
