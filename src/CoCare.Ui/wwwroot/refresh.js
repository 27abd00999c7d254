// Refreshes a page marked data-refresh-seconds without reloading it: the page is fetched again and the element marked
// data-refresh-region is swapped in — but not while the person is filling in a form inside it (focus in a field, or
// text typed), so nothing they typed is lost. A button pauses and resumes (WCAG 2.2.1: the person can stop it).
// A region marked data-refresh-stop ends the refreshing (nothing more is expected to change, e.g. the responder is on the way).
(function () {
  const root = document.querySelector('[data-refresh-seconds]');
  if (!root) return;
  const seconds = Math.max(10, parseInt(root.dataset.refreshSeconds, 10) || 60);
  const button = document.querySelector('[data-refresh-toggle]');
  let timer = null;

  async function refresh() {
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
      if (!response.ok) return;
      const html = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = html.querySelector('[data-refresh-region]');
      const current = document.querySelector('[data-refresh-region]');
      if (!fresh || !current || busy(current)) return;
      current.replaceWith(fresh);
      if (fresh.hasAttribute('data-refresh-stop')) stop();
    } catch (e) {
      // Offline or the server restarting: keep what is shown and try again next time.
    }
  }

  function busy(region) {
    const active = document.activeElement;
    if (active && region.contains(active) && active.matches('input, textarea, select')) return true;
    return Array.from(region.querySelectorAll('textarea')).some(function (t) { return t.value.trim() !== ''; });
  }

  function start() { timer = window.setInterval(refresh, seconds * 1000); }
  function stop() { window.clearInterval(timer); timer = null; }

  if (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      if (timer) { stop(); button.textContent = button.dataset.resumeText; button.setAttribute('aria-pressed', 'true'); }
      else { start(); refresh(); button.textContent = button.dataset.pauseText; button.setAttribute('aria-pressed', 'false'); }
    });
  }
  const region = document.querySelector('[data-refresh-region]');
  if (!region || !region.hasAttribute('data-refresh-stop')) start();
})();
