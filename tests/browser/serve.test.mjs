// The page `nianbao serve` serves, in headless Chromium against the real
// server on 127.0.0.1: a seed, a DOCX and a PDF uploaded through the page
// show the findings `nianbao check --format json` gives for each file; a
// report whose text holds markup shows it as text and runs nothing; no
// request leaves 127.0.0.1, and nothing is logged as an error.
//
//   NIANBAO=…/nianbao SERVE_FILES=a.txt:b.docx:c.pdf [SERVE_SCREENSHOT=….png] npm test

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { basename } from "node:path";
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this through \`cargo xtask ci\``);
  return value;
};
const nianbao = env("NIANBAO");
const files = env("SERVE_FILES").split(":");

let server, origin, browser, page;
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
  page.on("request", (request) => requests.push(request.url()));
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
    await page.screenshot({ path: process.env.SERVE_SCREENSHOT, fullPage: true });
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
    const shown = await page.$$eval(`section.file[data-file="${name}"] .finding`, (items) =>
      items.map((item) => item.dataset.code),
    );
    assert.deepEqual(shown, codes, name);
    assert.equal(await page.$eval(`section.file[data-file="${name}"]`, (box) => box.dataset.count), String(codes.length));
  }
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
