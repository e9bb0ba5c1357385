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

export async function call(fn, input, mode) {
  const m = await load();
  return m[fn](input, mode);
}
