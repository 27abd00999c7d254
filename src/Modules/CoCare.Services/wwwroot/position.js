// Where the phone is, if it can tell within the time given: { latitude, longitude }, or null when the phone has no
// location, the person said no, or no fix came in time. Check-in and check-out never wait longer than that.
export function here(timeoutMs) {
  return new Promise(resolve => {
    if (!navigator.geolocation) {
      resolve(null);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      p => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60000 });
  });
}
