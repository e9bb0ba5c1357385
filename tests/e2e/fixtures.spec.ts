// Writes the browser's own rendering of a 读票版 sheet, with marks drawn in, as a fixture the
// core's reader is tested on (core/src/omr/tests.rs): so the printed sheet and the reader
// are proven to agree, not only the reader and sheets drawn from the same layout. Run only
// when asked (the sample templates or the printed layout changed):
//   BK_WRITE_FIXTURES=1 npx playwright test tests/e2e/fixtures.spec.ts --project tablet
// The file: "width height\n" and the grey pixels (one byte each), zlib-compressed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { RECOMMENDATION, expectHome } from './helpers';

test('write the 读票版 fixture', async ({ page }, info) => {
  test.skip(!process.env.BK_WRITE_FIXTURES || info.project.name !== 'tablet', 'writes the fixture only when asked');
  await page.goto('/');
  await expectHome(page);
  await page.getByRole('button', { name: '模板库' }).tap();
  await page.getByRole('article', { name: RECOMMENDATION, exact: true }).getByRole('button', { name: '打印空白票' }).tap();
  await page.getByRole('radio', { name: /^读票版/ }).check();
  const form = page.getByRole('article', { name: /^读票版/ });
  // Marks as a pen draws them, in the first four boxes: ○, ×, √, filled.
  await form.evaluate((sheet) => {
    const shapes = [
      '<circle cx="5" cy="5" r="3.4" fill="none" stroke="#000" stroke-width="0.6"/>',
      '<path d="M2 2 L8 8 M8 2 L2 8" stroke="#000" stroke-width="0.6"/>',
      '<path d="M1.8 5 L4 7.8 L8.4 1.8" fill="none" stroke="#000" stroke-width="0.6"/>',
      '<rect x="1.5" y="1.5" width="7" height="7" fill="#000"/>',
    ];
    sheet.querySelectorAll('.omr-box').forEach((box, i) => {
      if (i < shapes.length) box.innerHTML = `<svg viewBox="0 0 10 10" width="100%" height="100%">${shapes[i]}</svg>`;
    });
  });
  await page.emulateMedia({ media: 'print' });
  const png = await form.screenshot();
  // Decoded on a blank page: the app's content security policy allows no data: images.
  const blank = await page.context().newPage();
  const grey = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
    let out = '';
    for (let i = 0; i < rgba.length; i += 4) {
      out += String.fromCharCode(Math.round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]));
    }
    return { width: img.width, height: img.height, pixels: btoa(out) };
  }, png.toString('base64'));
  expect(grey.width).toBeGreaterThan(700);
  const header = Buffer.from(`${grey.width} ${grey.height}\n`);
  writeFileSync('core/tests/fixtures/readable-sheet.gray.z', deflateSync(Buffer.concat([header, Buffer.from(grey.pixels, 'base64')]), { level: 9 }));
});
