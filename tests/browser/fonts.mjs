// Chinese faces for screenshots. The headless Chromium of @sparticuz/chromium
// has no Chinese font, so a screenshot shows boxes. SCREENSHOT_FONTS may name
// an unpacked @fontsource/noto-sans-sc (npm pack @fontsource/noto-sans-sc);
// its 400 weight is then given to the page as data: URLs, which request
// nothing. The pages' policies forbid such fonts, so the policy is bypassed
// for a screenshot run only (`prepareFonts` before the page loads).

import { readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.SCREENSHOT_FONTS;

export async function prepareFonts(page) {
  if (dir) await page.setBypassCSP(true);
}

export async function applyFonts(page) {
  if (!dir) return;
  const css = readFileSync(join(dir, "400.css"), "utf8").replace(/url\(\.\/files\/([^)]+)\)/g, (_, file) =>
    `url(data:font/woff2;base64,${readFileSync(join(dir, "files", file)).toString("base64")})`,
  );
  await page.addStyleTag({ content: css });
  await page.addStyleTag({
    content: "body { font-family: 'Noto Sans SC', sans-serif; } code, pre, .sum, .code, td.n { font-family: monospace, 'Noto Sans SC'; }",
  });
  await page.evaluate(() => document.fonts.ready);
}
