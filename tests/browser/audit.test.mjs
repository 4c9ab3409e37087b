// The page `nianbao audit` writes, opened from disk in headless Chromium.
// `cargo xtask ci` (browser step) writes the page and, over the same paths,
// `nianbao check --format json` and its standard error; this test checks
// that the page shows those counts, sorts, filters and opens a report's
// findings, loads nothing from anywhere, and logs no error.
//
//   AUDIT_PAGE=… CHECK_JSON=… CHECK_STDERR=… [SCREENSHOT=….png [SCREENSHOT_FONTS=…]] npm test

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";
import { applyFonts, prepareFonts } from "./fonts.mjs";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this through \`cargo xtask ci\``);
  return value;
};
const pageUrl = pathToFileURL(env("AUDIT_PAGE")).href;
const check = JSON.parse(readFileSync(env("CHECK_JSON"), "utf8"));
// 「错误：文件：原因」 (or 「error: …」 with --lang en): one line per file not read.
const unreadable = readFileSync(env("CHECK_STDERR"), "utf8").split("\n").filter((line) => /^(错误：|error: )/.test(line));

let browser, page;
const requests = [];
const problems = [];

before(async () => {
  // Its own flags, less the two that would loosen what the page may do.
  const args = chromium.args.filter((arg) => !["--disable-web-security", "--allow-running-insecure-content"].includes(arg));
  browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), args, headless: "shell" });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await prepareFonts(page);
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warn") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(pageUrl, { waitUntil: "load" });
});

after(async () => {
  if (process.env.SCREENSHOT && page) {
    // The page as it opens, with the report of most errors opened.
    await page.reload({ waitUntil: "load" });
    await applyFonts(page);
    await page.click("#reports tbody tr.report");
    await page.screenshot({ path: process.env.SCREENSHOT, clip: { x: 0, y: 0, width: 1400, height: 2100 } });
  }
  await browser?.close();
});

const text = (selector) => page.$eval(selector, (element) => element.textContent.trim());
const count = async (key) => Number(await text(`[data-count="${key}"] b`));
const shownPaths = () => page.$$eval("#reports tbody tr.report", (rows) => rows.map((row) => row.dataset.path));
const column = (key) =>
  page.$$eval(`#reports tbody tr.report td[data-col="${key}"]`, (cells) => cells.map((cell) => Number(cell.textContent)));
const setInput = async (selector, value) => {
  await page.$eval(selector, (input, value) => {
    if (input.type === "checkbox") input.checked = value; else input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
};
const diagnosticsOf = (path) => check.files.find((file) => file.path === path).diagnostics;

// The audit as the page carries it: which file repeats which report.
const audited = () => page.$eval("#audit-data", (script) => JSON.parse(script.textContent));

test("the counts shown are those of nianbao check", async () => {
  assert.equal(await count("files"), check.summary.files);
  assert.equal(await count("errors"), check.summary.errors);
  assert.equal(await count("warnings"), check.summary.warnings);
  assert.equal(await count("infos"), check.summary.infos);
  assert.equal(await count("unreadable"), unreadable.length);
  // Reports, not files: a report has errors when any of its files has.
  const reportOf = new Map((await audited()).reports.map((r) => [r.path, r.copy_of ?? r.path]));
  const reports = new Set(check.files.map((file) => reportOf.get(file.path)));
  assert.equal(await count("reports"), reports.size);
  const failing = new Set(check.files.filter((file) => file.diagnostics.some((d) => d.severity === "error")).map((file) => reportOf.get(file.path)));
  assert.equal(await count("with-errors"), failing.size);
  assert.equal((await shownPaths()).length, check.files.length);
  assert.ok(check.files.length > 100, `${check.files.length} reports audited`);
});

test("a report held as text, PDF, Word and HTML counts once, and says so once", async () => {
  const seed = "tests/seeds/003_be94cdfbcf579bbe.txt";
  const copies = ["tests/fixtures/pdf/003.pdf", "tests/fixtures/docx/003.docx", "tests/fixtures/html/003.html"];
  for (const copy of copies) {
    const line = await text(`#reports tbody tr.report[data-path="${copy}"] .copy-of`);
    assert.equal(line, `重复文件与 ${seed} 为同一报告，只计一次`);
  }
  const kept = await text(`#reports tbody tr.report[data-path="${seed}"] .copies`);
  for (const copy of copies) assert.ok(kept.includes(`${copy}（数字一致）`), kept);
  assert.ok(kept.includes("tests/fixtures/docx/003-broken.docx（数字不一致，请核对）"), kept);
  const note = await page.$eval("#copies-note", (p) => Number(p.dataset.copies));
  assert.equal(note, (await count("files")) - (await count("reports")));
  // Summed once: the roll-up leaves the copies out, saying why.
  // The findings chart has a bar per report, not per file (or says how many more).
  const { reports } = await audited();
  const withFindings = new Set(reports.filter((r) => r.errors + r.warnings + r.infos > 0).map((r) => r.copy_of ?? r.path));
  const bars = await page.$$eval("#chart-findings g.bar", (bars) => bars.length);
  const more = await page.$eval("#chart-findings", (chart) => Number(chart.textContent.match(/另有 (\d+) 份报告未列出/)?.[1] ?? 0));
  assert.equal(bars + more, withFindings.size);
  const summary = await text("#rollup-copies summary");
  assert.equal(summary, `另有 ${note} 份文件与已计入的报告为同一报告，未重复计入`);
  const folded = await page.$$eval("#rollup-copies li", (items) => items.map((li) => li.textContent));
  for (const copy of copies) assert.ok(folded.includes(copy), copy);
});

test("a late report says by how many days, and against which deadline", async () => {
  const late = (await audited()).reports.filter((r) => r.on_time === false);
  assert.ok(late.length > 0, "some report is late");
  for (const r of late) {
    const cell = await text(`#reports tbody tr.report[data-path="${r.path}"] td:nth-child(4)`);
    assert.ok(cell.includes(`逾期${r.days_late}天`) && cell.includes(`应于${r.deadline}前发布（依据《条例》第四十九条`), cell);
  }
});

test("the reports sort by a column, both ways", async () => {
  // Sorted by errors, most first, when the page opens.
  const errors = check.files.map((file) => file.diagnostics.filter((d) => d.severity === "error").length);
  assert.equal((await column("errors"))[0], Math.max(...errors));
  await page.click('th[data-sort="warnings"]');
  const descending = await column("warnings");
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
  await page.click('th[data-sort="warnings"]');
  const ascending = await column("warnings");
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  assert.equal(await page.$eval('th[data-sort="warnings"]', (th) => th.getAttribute("aria-sort")), "ascending");
  await page.click('th[data-sort="errors"]');
});

test("filters narrow the rows to what they name", async () => {
  await setInput("#filter-agency", "tests/seeds");
  const seeds = check.files.filter((file) => file.path.includes("tests/seeds")).map((file) => file.path);
  assert.deepEqual((await shownPaths()).sort(), seeds.sort());
  assert.equal(await page.$eval("#shown-count", (element) => Number(element.dataset.shown)), seeds.length);
  await setInput("#filter-agency", "");

  const withT303 = check.files.filter((file) => file.diagnostics.some((d) => d.code === "T303")).map((file) => file.path);
  assert.ok(withT303.length > 0);
  await page.select("#filter-code", "T303");
  assert.deepEqual((await shownPaths()).sort(), withT303.sort());
  await page.select("#filter-code", "");

  await page.select("#filter-level", "government");
  const levels = await page.$$eval("#reports tbody tr.report td:nth-child(2)", (cells) => cells.map((cell) => cell.textContent));
  assert.ok(levels.length > 0 && levels.every((level) => level === "本级政府"), levels.join(","));
  await page.select("#filter-level", "");

  await setInput("#filter-errors", true);
  const errorRows = await column("errors");
  assert.ok(errorRows.length > 0 && errorRows.every((n) => n > 0));
  await setInput("#filter-errors", false);
  assert.equal((await shownPaths()).length, check.files.length);
});

test("a report opens to its findings, in check's order", async () => {
  const [first] = await shownPaths();
  await page.click(`#reports tbody tr.report[data-path="${first}"]`);
  const codes = await page.$$eval(`#reports tr.findings[data-path="${first}"] ol.findings > li`, (items) => items.map((li) => li.dataset.code));
  assert.deepEqual(codes, diagnosticsOf(first).map((d) => d.code));
  const context = await page.$$eval(`#reports tr.findings[data-path="${first}"] pre.context`, (pres) => pres.length);
  assert.ok(context > 0, "findings show the text around them");
  assert.equal(await page.$eval(`#reports tbody tr.report[data-path="${first}"]`, (row) => row.getAttribute("aria-expanded")), "true");
  await page.click(`#reports tbody tr.report[data-path="${first}"]`);
  assert.equal(await page.$$eval("#reports tr.findings", (rows) => rows.length), 0);
});

// Words English keeps in Chinese text: names of things.
const KEPT = new Set(["PDF", "HTML", "DOCX", "Markdown", "nianbao", "Word", "WPS"]);
const englishWords = (text) => (text.match(/[A-Za-z]{3,}/g) || []).filter((word) => !KEPT.has(word));

test("every failing row says why in its own line, in Chinese", async () => {
  const rows = await page.$$eval("#reports tbody tr.report", (rows) =>
    rows.map((row) => ({
      path: row.dataset.path,
      errors: Number(row.querySelector('td[data-col="errors"]').textContent),
      main: row.querySelector(".main-findings")?.textContent ?? null,
    })),
  );
  const failing = rows.filter((row) => row.errors > 0);
  assert.ok(failing.length > 10, `${failing.length} failing rows`);
  for (const row of failing) {
    assert.ok(row.main, `${row.path} shows no finding in its row`);
    const gravest = diagnosticsOf(row.path).find((d) => d.severity === "error");
    assert.ok(row.main.startsWith(`${gravest.code} ${gravest.message}`), `${row.path}: ${row.main}`);
    assert.deepEqual(englishWords(row.main), [], `${row.path}: ${row.main}`);
  }
});

test("expand all opens every report shown, and their findings speak Chinese", async () => {
  await page.click("#expand-all");
  const shown = (await shownPaths()).length;
  assert.equal(await page.$$eval("#reports tr.findings", (rows) => rows.length), shown);
  const messages = await page.$$eval("#reports tr.findings .finding-head", (heads) => heads.map((head) => head.textContent));
  const english = messages.filter((message) => englishWords(message).length);
  assert.deepEqual(english, [], "findings in English on a Chinese page");
  await page.click("#expand-all");
  assert.equal(await page.$$eval("#reports tr.findings", (rows) => rows.length), 0);
});

test("the charts and the files not read are drawn", async () => {
  assert.ok((await page.$$eval("#chart-findings svg g.bar", (bars) => bars.length)) > 0);
  assert.ok((await page.$$eval("#chart-received svg g.bar", (bars) => bars.length)) > 0);
  assert.ok((await page.$$eval("#chart-years .small[data-agency] svg polyline", (lines) => lines.length)) > 0, "an agency's years are drawn");
  const listed = await page.$$eval("#unreadable li[data-path]", (items) => items.map((li) => li.textContent));
  assert.equal(listed.length, unreadable.length);
  assert.ok(listed.some((item) => item.includes("scanned.pdf") && item.includes("没有文字层")), listed.join("\n"));
  // Chart labels are whole: a file's own name, not a folder's start, and nothing cut off at the left.
  const cut = await page.$$eval('#charts g.bar text[text-anchor="end"]', (texts) =>
    texts.filter((text) => text.getBBox().x < 0 || text.textContent.includes("/")).map((text) => text.textContent),
  );
  assert.deepEqual(cut, []);
});

test("the roll-up is laid out as the template's tables", async () => {
  const tables = await page.$$eval("#rollup .rollup-part", (parts) => parts.map((part) => part.dataset.table));
  assert.deepEqual(tables, ["表二", "表三", "表四"]);
  // 200 figures, each in its row and column.
  assert.equal(await page.$$eval("#rollup td.num", (cells) => cells.length), 200);
  const t3 = '#rollup [data-table="表三"]';
  assert.equal(await page.$$eval(`${t3} tbody tr[data-row]`, (rows) => rows.length), 25);
  assert.ok((await page.$$eval(`${t3} tbody tr[data-row]`, (rows) => rows.every((row) => row.querySelectorAll("td").length === 7))));
  const head = await page.$eval(`${t3} thead`, (thead) => thead.textContent);
  assert.ok(head.includes("自然人") && head.includes("法人或其他组织") && head.includes("总计"), head);
  const groups = await page.$$eval(`${t3} tr.group`, (rows) => rows.map((row) => row.textContent));
  assert.deepEqual(groups, ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]);
  assert.equal(await page.$$eval('#rollup [data-table="表四"] tbody tr[data-row]', (rows) => rows.length), 3);
  // A cell holds the sum the data gives for its row and column.
  const { rollup } = await audited();
  const cell = rollup.rows.find((row) => row.table === "表三" && row.row.startsWith("一、") && row.column === "总计");
  const shown = await page.$eval(`${t3} tr[data-row^="一、"] td[data-column="总计"]`, (td) => td.textContent);
  assert.equal(Number(shown), cell.sum);
});

test("the page fits a phone's width", async () => {
  await page.setViewport({ width: 390, height: 900 });
  // A real folder's paths are long and have no space to break at.
  await page.evaluate(() => {
    // No space, no hyphen and no Chinese: nothing a line may break at.
    const long = "/work/shared/corpus/real/converted/" + "reports/".repeat(4) + "105_shanghai_kewei_2024.md";
    for (const id of ["unreadable", "rollup-excluded"]) {
      const item = document.createElement("li");
      item.textContent = `未计入 left out: ${long}：原因`;
      document.getElementById(id).append(item);
    }
    for (const path of document.querySelectorAll("#reports .path")) path.textContent = long;
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.setViewport({ width: 1400, height: 1000 });
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
});

test("the page loads nothing and logs no error", () => {
  assert.deepEqual([...new Set(requests)], [pageUrl]);
  assert.deepEqual(problems, []);
});
