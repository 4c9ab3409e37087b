// The page `nianbao serve` serves, in headless Chromium against the real
// server on 127.0.0.1: a seed, a DOCX and a PDF uploaded through the page
// show the findings `nianbao check --format json` gives for each file, in
// the text nianbao read; choosing a finding marks its cells in the text and
// in the tables; the downloads hold the findings and the fixed file; a
// report whose text holds markup shows it as text and runs nothing; no
// request leaves 127.0.0.1, and nothing is logged as an error.
//
//   NIANBAO=…/nianbao SERVE_FILES=a.txt:b.docx:c.pdf [SERVE_SCREENSHOT=….png] npm test
//
// For the screenshot, SCREENSHOT_FONTS may name Chinese faces (fonts.mjs).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { applyFonts, prepareFonts } from "./fonts.mjs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this through \`cargo xtask ci\``);
  return value;
};
const nianbao = env("NIANBAO");
const files = env("SERVE_FILES").split(":");

let server, origin, browser, page, downloads;
const requests = [];
const problems = [];

before(async () => {
  server = spawn(nianbao, ["serve", "--addr", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
  origin = await new Promise((resolve, reject) => {
    let said = "";
    server.stderr.on("data", (chunk) => {
      said += chunk;
      const found = said.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
      if (found) resolve(`http://${found[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`nianbao serve exited with ${code}: ${said}`)));
  });
  const args = chromium.args.filter((arg) => !["--disable-web-security", "--allow-running-insecure-content"].includes(arg));
  browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), args, headless: "shell" });
  page = await browser.newPage();
  await page.setViewport({ width: 390, height: 900 });
  downloads = mkdtempSync(join(tmpdir(), "nianbao-serve-"));
  const session = await page.createCDPSession();
  await session.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  await prepareFonts(page);
  // Data the page makes itself (downloads, the screenshot's fonts) goes nowhere.
  page.on("request", (request) => {
    if (!/^(blob|data):/.test(request.url())) requests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warn") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.goto(`${origin}/`, { waitUntil: "load" });
});

after(async () => {
  if (process.env.SERVE_SCREENSHOT && page) {
    // One report, its first finding chosen, on a desktop's width.
    await page.setViewport({ width: 1280, height: 900 });
    await applyFonts(page);
    await page.$eval("#paste", (area) => { area.value = ""; });
    const input = await page.$("#pick");
    await input.uploadFile(files[1]);
    await done();
    await page.click(".finding");
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: process.env.SERVE_SCREENSHOT, fullPage: false });
  }
  await browser?.close();
  server?.kill("SIGTERM");
});

const done = () => page.waitForSelector("#status[data-done]", { timeout: 60000 });

test("uploaded reports show the findings of nianbao check", async () => {
  const input = await page.$("#pick");
  await input.uploadFile(...files);
  await done();
  for (const file of files) {
    const name = basename(file);
    let expected;
    try {
      expected = JSON.parse(execFileSync(nianbao, ["check", "--format", "json", file], { encoding: "utf8" }));
    } catch (failed) {
      expected = JSON.parse(failed.stdout); // exit 1: findings
    }
    const codes = expected.files[0].diagnostics.map((diagnostic) => diagnostic.code);
    // Shown by severity, errors first: the same findings, in another order.
    const shown = await page.$$eval(`.file[data-file="${name}"] .finding`, (items) =>
      items.map((item) => item.dataset.code),
    );
    assert.deepEqual([...shown].sort(), [...codes].sort(), name);
    assert.equal(await page.$eval(`.file[data-file="${name}"]`, (box) => box.dataset.count), String(codes.length));
    // Every finding in this file's text is marked there (a place, or a pin where something is missing).
    const marked = await page.$$eval(`.file[data-file="${name}"] .text mark.p, .file[data-file="${name}"] .text .pin`, (nodes) =>
      new Set(nodes.flatMap((node) => node.dataset.f.split(" "))).size,
    );
    assert.equal(marked, codes.length, `${name}: findings marked in the text`);
    // The overview has a line for the file with its counts.
    const line = await page.$eval(`#overview tr[data-file="${name}"]`, (row) => row.textContent);
    const order = { error: 0, warning: 1, info: 2 };
    const gravest = [...expected.files[0].diagnostics].sort((a, b) => order[a.severity] - order[b.severity])[0];
    assert.ok(line.includes(gravest ? `${gravest.code} ${gravest.message}` : "未发现问题"), line);
  }
  // The PDF of report 003 after its Word draft: said to be the same report.
  const [first, second] = ["003-broken.docx", "003.pdf"].filter((name) => files.some((file) => file.endsWith(name)));
  const same = await page.$eval(`#overview tr[data-file="${second}"] .same`, (note) => note.textContent);
  assert.equal(same, `与 ${first} 为同一报告（同一机关、同一年度）`);
  assert.equal(await page.$$eval("#overview .same", (notes) => notes.length), 1);
  // A PDF's text is read page by page, a DOCX's by paragraph.
  const pdf = basename(files.find((file) => file.endsWith(".pdf")));
  assert.ok(await page.$eval(`.file[data-file="${pdf}"] .text`, (text) => text.textContent.includes("第2页")));
  const docx = basename(files.find((file) => file.endsWith(".docx")));
  assert.ok(await page.$eval(`.file[data-file="${docx}"] .text .gutter`, (gutter) => gutter.textContent.startsWith("第")));
  // Three reports open at a phone's width: nothing scrolls sideways.
  await page.$$eval(".file", (boxes) => boxes.forEach((box) => { box.open = true; }));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
});

test("choosing a broken total marks its cells and shows the sum", async () => {
  const docx = basename(files.find((file) => file.endsWith(".docx")));
  const box = `.file[data-file="${docx}"]`;
  await page.$eval(box, (node) => { node.open = true; });
  const sum = await page.$(`${box} .finding[data-code="T303"]`);
  assert.ok(sum, "the DOCX fixture has a broken row total");
  assert.match(await sum.$eval(".sum", (node) => node.textContent), /≠/);
  await sum.click();
  const lit = await page.$$eval(`${box} .text mark.on`, (nodes) => nodes.map((node) => node.textContent));
  assert.ok(lit.length >= 7, `the total and its parts are lit in the text: ${lit}`);
  assert.ok(lit.every((text) => /^\d+$/.test(text.trim())), `${lit}`);
  const cells = await page.$$eval(`${box} .tables td.on`, (nodes) => nodes.map((node) => node.textContent));
  assert.ok(cells.length >= 7, `and in the tables: ${cells}`);
  assert.equal(await page.$$eval(`${box} .finding.active`, (nodes) => nodes.length), 1);
});

async function downloaded(name) {
  const path = join(downloads, name);
  for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return readFileSync(path, "utf8");
}

test("the findings and the fixed file download", async () => {
  const seed = files.find((file) => file.endsWith(".txt"));
  const name = basename(seed);
  const box = `.file[data-file="${name}"]`;
  await page.$eval(box, (node) => { node.open = true; });
  const links = await page.$$eval(`${box} a[data-download]`, (nodes) => nodes.map((node) => node.dataset.download));
  for (const link of links) await page.click(`${box} a[data-download="${link}"]`);
  const count = Number(await page.$eval(box, (node) => node.dataset.count));
  const csv = await downloaded(links.find((link) => link.endsWith(".csv")));
  assert.match(csv, /^\ufeff文件,规则代码,规则名称,级别,位置,问题,修改建议,计算\r\n/);
  assert.equal(csv.trimEnd().split("\r\n").length, count + 1);
  const json = JSON.parse(await downloaded(links.find((link) => link.endsWith(".json"))));
  assert.equal(json.files[0].diagnostics.length, count);
  const fixed = await downloaded(links.find((link) => link.includes("已修正")));
  let refixed;
  try {
    refixed = execFileSync(nianbao, ["check", "--format", "json", "-"], { input: fixed, encoding: "utf8" });
  } catch (failed) {
    refixed = failed.stdout; // exit 1: findings
  }
  assert.ok(!JSON.parse(refixed).files[0].diagnostics.some((d) => d.fix?.applicability === "safe"), "no safe fix is left");
  // Neither a DOCX nor a PDF is offered as fixed: they are not text files.
  for (const file of files.filter((file) => !file.endsWith(".txt"))) {
    const offered = await page.$$eval(`.file[data-file="${basename(file)}"] a[data-download*="已修正"]`, (nodes) => nodes.length);
    assert.equal(offered, 0, file);
  }
});

test("the audit page over the files checked is made by the server and opens from disk", async () => {
  await page.click("#audit");
  const html = await downloaded("审查页.html");
  const start = html.indexOf('id="audit-data">') + 'id="audit-data">'.length;
  const data = JSON.parse(html.slice(start, html.indexOf("</script>", start)));
  assert.deepEqual(data.reports.map((r) => r.path).sort(), files.map((file) => basename(file)).sort());
  for (const file of files) {
    let expected;
    try {
      expected = JSON.parse(execFileSync(nianbao, ["check", "--format", "json", file], { encoding: "utf8" }));
    } catch (failed) {
      expected = JSON.parse(failed.stdout); // exit 1: findings
    }
    const row = data.reports.find((r) => r.path === basename(file));
    assert.deepEqual(row.findings.map((f) => f.code), expected.files[0].diagnostics.map((d) => d.code), file);
  }
  // The broken DOCX and the PDF of report 003 are one report.
  assert.equal(data.summary.files, files.length);
  assert.equal(data.summary.reports, files.length - 1);
  const opened = await browser.newPage();
  await opened.goto(pathToFileURL(join(downloads, "审查页.html")).href, { waitUntil: "load" });
  assert.equal(await opened.$eval('[data-count="files"] b', (b) => Number(b.textContent)), files.length);
  assert.equal(await opened.$$eval("#reports tbody tr.report", (rows) => rows.length), files.length);
  await opened.close();
});

test("a GB18030 report's fixed file comes back in GB18030", async () => {
  const root = files[0].slice(0, files[0].indexOf("/tests/seeds/"));
  const gbk = join(root, "tests/fixtures/formats/002-gb18030.txt");
  const input = await page.$("#pick");
  await input.uploadFile(gbk);
  await done();
  const box = '.file[data-file="002-gb18030.txt"]';
  await page.$eval(box, (node) => { node.open = true; });
  const link = `${box} a[data-download*="已修正"]`;
  assert.ok((await page.$eval(link, (a) => a.textContent)).includes("GB18030"));
  await page.click(link);
  const path = join(downloads, "002-gb18030-已修正.txt");
  for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const bytes = readFileSync(path);
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), "the file is not UTF-8");
  assert.ok(new TextDecoder("gb18030").decode(bytes).includes("政府信息公开"));
  let refixed;
  try {
    refixed = execFileSync(nianbao, ["check", "--format", "json", path], { encoding: "utf8" });
  } catch (failed) {
    refixed = failed.stdout; // exit 1: findings
  }
  const checked = JSON.parse(refixed).files[0];
  assert.equal(checked.encoding, "GB18030");
  assert.ok(!checked.diagnostics.some((d) => d.fix?.applicability === "safe"), "no safe fix is left");
});

test("a file over the upload limit is refused in the page, saying why, and nothing is sent", async () => {
  const limits = await page.evaluate(() => fetch("/api/limits").then((response) => response.json()));
  const big = join(mkdtempSync(join(tmpdir(), "nianbao-big-")), "太大的报告.pdf");
  writeFileSync(big, Buffer.alloc(limits.max_upload + 1, 0x20));
  const sent = requests.length;
  const input = await page.$("#pick");
  await input.uploadFile(big);
  await done();
  const said = await page.$eval('.file[data-file="太大的报告.pdf"]', (box) => box.dataset.error);
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "") + " MB";
  assert.equal(said, `文件大小 ${mb(limits.max_upload + 1)}，超过本服务允许的 ${mb(limits.max_upload)}，未上传`);
  assert.ok(!requests.slice(sent).some((url) => url.includes("/api/view")), "the file was sent");
});

test("markup in a report's text is shown as text and runs nothing", async () => {
  const markup = '一、总体情况\n</script><img src=x onerror="alert(1)"><script>alert(2)</script>\n';
  await page.$eval("#paste", (area, value) => { area.value = value; }, markup);
  await page.click("#check-paste");
  await done();
  assert.equal(await page.$$eval("#results img, #results script", (nodes) => nodes.length), 0);
});

test("the page fits a phone's width", async () => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
});

test("nothing leaves 127.0.0.1 and nothing goes wrong", () => {
  const outside = requests.filter((url) => !url.startsWith(origin));
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
});
