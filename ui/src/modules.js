// Modules loaded on demand, never on the first load: the results module (dist/report/:
// results screen, 公布, printed report, CSV) the first time results are shown, the XLSX
// writer (dist/report/) the first time an .xlsx is asked for, and the template studio
// (dist/studio/) the first time the template library is opened. Each is fetched once.
const loading = {};

/** The module at `path` (relative to the app), fetched and initialised once. */
export function load(path) {
  if (!loading[path]) {
    loading[path] = import(new URL(path, document.baseURI).href).then(async (m) => {
      await m.default();
      return m;
    });
    // A failed fetch (offline before it was ever cached) is tried again next time.
    loading[path].catch(() => { delete loading[path]; });
  }
  return loading[path];
}

// Draws module `path` into `host`, its words in `lang`; the module owns it from then on. If
// the module cannot be loaded or refuses the input, `failed` (the app's message) and the
// reason are shown.
export function show(path, host, input, mode, failed, lang) {
  load(path)
    .then((m) => m.show(host, input, mode, lang))
    .catch((e) => {
      const p = document.createElement('p');
      p.className = 'field-error';
      p.setAttribute('role', 'alert');
      p.textContent = failed + (e && e.message ? e.message : String(e));
      host.replaceChildren(p);
    });
}

// Whether the app was opened with a shared template link (#t1.…): the studio reads it.
export function sharedLink() {
  return location.hash.startsWith('#t1.');
}

// The service worker (sw.js, which keeps every file of the build for offline use): registered
// once the app is up. `onUpdate` is called when a newer build is installed and waiting; the
// app offers it on its home screen, never mid-ballot, and applyUpdate() takes it.
let waiting = null;
export function watchUpdates(onUpdate) {
  const sw = navigator.serviceWorker;
  // Only an update is offered: the first install has no controller and nothing to replace.
  const offer = (w) => w && sw.controller && ((waiting = w), onUpdate());
  if (sw) sw.register(new URL('sw.js', document.baseURI)).then((reg) => {
    offer(reg.waiting);
    reg.onupdatefound = () => {
      const w = reg.installing;
      w.onstatechange = () => w.state === 'installed' && offer(w);
    };
  }, () => {});
}

export function applyUpdate() {
  if (waiting) {
    navigator.serviceWorker.oncontrollerchange = () => location.reload();
    waiting.postMessage('update');
  }
}
