// 语音朗读 on the voter screen: the device's own Chinese voice (Web Speech) says what the
// screen shows. Nothing here decides what is spoken or when; the voter screen does, and only
// while the voter has the switch on (src/app/components/voice.rs).
// Not on the first load: dist/voice/voice.js, fetched by the voter screen (ui/src/voice.rs).

/** Nothing to set up (the module loader calls it). */
export default async function init() {}

const synth = () => globalThis.speechSynthesis;

/** A Chinese voice of this device, if it has one (offline voices count: nothing is sent). */
function chinese() {
  const s = synth();
  return s && typeof s.getVoices === 'function' ? s.getVoices().find((v) => /^zh/i.test(v.lang)) : undefined;
}

export function voiceReady() {
  return chinese() !== undefined;
}

/** Calls `f` when the device's voices change (Chrome lists them only after a while). */
export function watchVoices(f) {
  synth()?.addEventListener?.('voiceschanged', f);
}

export function unwatchVoices(f) {
  synth()?.removeEventListener?.('voiceschanged', f);
}

/** Says `text` at once, cutting off whatever was being said: the latest tap wins. */
export function say(text) {
  const s = synth();
  const v = chinese();
  hush();
  if (!s || !v || !text) return;
  const u = new SpeechSynthesisUtterance(text);
  u.voice = v;
  u.lang = v.lang;
  s.speak(u);
}

export function hush() {
  synth()?.cancel?.();
}

const shown = (e) => (e.innerText ?? e.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What the elements `selector` finds say, in the page's order, one sentence each. */
export function shownText(selector) {
  return [...document.querySelectorAll(selector)].map(shown).filter((s) => s !== '').join('。');
}

/**
 * What a control says: its group's name (an evaluation item), its own name (a mark's label
 * without the box's glyph, a field's label and what is typed), and its state. After a tap
 * (`after`), only a ballot's mark is said, with its section's count and any refusal, as the
 * screen shows them; any other tap says nothing here (the screen it leads to is said).
 */
export function controlText(el, after, chosen, unchosen, on, off) {
  if (!(el instanceof Element)) return '';
  const control = el.closest(after ? '.ballot-section [aria-checked]' : 'button, input, [role]');
  if (!control) return '';
  const parts = [];
  const group = control.closest('[role="radiogroup"]');
  const groupName = group && document.getElementById(group.getAttribute('aria-labelledby') ?? '');
  if (groupName) parts.push(shown(groupName));
  const label = control.querySelector('.label');
  parts.push(control.getAttribute('aria-label') ?? (label ? shown(label) : control.labels?.[0] ? shown(control.labels[0]) : shown(control)));
  if (control instanceof HTMLInputElement) parts.push(control.value);
  const checked = control.getAttribute('aria-checked');
  if (checked !== null) {
    const isSwitch = control.getAttribute('role') === 'switch';
    parts.push(checked === 'true' ? (isSwitch ? on : chosen) : isSwitch ? off : unchosen);
  }
  const section = after ? control.closest('.ballot-section') : null;
  if (section) for (const e of section.querySelectorAll('.counter, .refusal')) parts.push(shown(e));
  return parts.filter((s) => s && s.trim() !== '').join('，');
}
