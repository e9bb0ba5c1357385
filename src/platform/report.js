// The results module (results screen, 公布, printed report, CSV) is a second wasm module in
// dist/report/, fetched the first time results are shown, never on the first load.
let loading;

function load() {
  if (!loading) {
    const url = new URL('report/ballot-report.js', document.baseURI).href;
    loading = import(url).then(async (m) => {
      await m.default();
      return m;
    });
    // A failed fetch (offline before it was ever cached) is tried again next time.
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}

// Draws the results into `host`; the module owns it from then on. If the module cannot be
// loaded or refuses the input, `failed` (the app's message) and the reason are shown.
export function show(host, input, mode, failed) {
  load()
    .then((m) => m.show(host, input, mode))
    .catch((e) => {
      const p = document.createElement('p');
      p.className = 'field-error';
      p.setAttribute('role', 'alert');
      p.textContent = failed + (e && e.message ? e.message : String(e));
      host.replaceChildren(p);
    });
}
