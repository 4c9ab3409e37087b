import { test } from "node:test";
import * as assert from "node:assert/strict";

import { toServerSettings } from "../src/settings";

test("settings map to the server's shape", () => {
  const { settings, problems } = toServerSettings({ debounceMs: 300, rules: { S005: "off", "row-total": "warning" } });
  assert.deepEqual(settings, { debounceMs: 300, rules: { S005: "off", "row-total": "warning" } });
  assert.deepEqual(problems, []);
});

test("defaults, clamping and bad values", () => {
  assert.equal(toServerSettings({}).settings.debounceMs, 150);
  assert.equal(toServerSettings({ debounceMs: -5 }).settings.debounceMs, 0);
  assert.equal(toServerSettings({ debounceMs: 1e9 }).settings.debounceMs, 10000);
  const { settings, problems } = toServerSettings({ debounceMs: "fast", rules: { S005: "loud", T303: "error" } });
  assert.deepEqual(settings.rules, { T303: "error" });
  assert.equal(problems.length, 2);
  assert.equal(toServerSettings({ rules: ["S005"] }).problems.length, 1);
});
