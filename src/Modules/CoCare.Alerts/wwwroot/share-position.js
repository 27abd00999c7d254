// The responder's "share my position" button: shown only where the phone can tell its position; on a press the phone
// is asked (the browser asks the person the first time), the point goes into the form and the form is sent. When no
// position comes (not allowed, no fix within 10 s) a message says so and nothing is sent.
(function () {
  const form = document.querySelector('[data-position-form]');
  if (!form || !navigator.geolocation) return;
  const button = form.querySelector('[data-share-position]');
  const failed = document.querySelector('[data-position-failed]');
  button.hidden = false;
  button.addEventListener('click', function (e) {
    e.preventDefault();
    button.disabled = true;
    if (failed) failed.hidden = true;
    navigator.geolocation.getCurrentPosition(function (p) {
      form.elements.Latitude.value = String(p.coords.latitude);
      form.elements.Longitude.value = String(p.coords.longitude);
      button.disabled = false;
      form.requestSubmit(button);
    }, function () {
      button.disabled = false;
      if (failed) failed.hidden = false;
    }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  });
})();
