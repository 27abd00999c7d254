// The live board's sound cue: two short tones when a new alert arrives. Browsers only play sound after the person has
// interacted with the page, so the board asks once ("sound on") and keeps the audio context from that click.
let context = null;

export function enable() {
  const Audio = window.AudioContext || window.webkitAudioContext;
  if (!Audio) return false;
  context = context || new Audio();
  if (context.state === 'suspended') context.resume();
  return true;
}

export function chime() {
  if (!context) return false;
  const start = context.currentTime;
  [880, 660].forEach(function (frequency, i) {
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.35 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.3);
    tone.connect(gain).connect(context.destination);
    tone.start(start + i * 0.35);
    tone.stop(start + i * 0.35 + 0.32);
  });
  return true;
}
