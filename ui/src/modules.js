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

// Draws module `path` into `host`; the module owns it from then on. If the module cannot be
// loaded or refuses the input, `failed` (the app's message) and the reason are shown.
export function show(path, host, input, mode, failed) {
  load(path)
    .then((m) => m.show(host, input, mode))
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
