import { test } from "node:test";
import * as assert from "node:assert/strict";

import { findServer, LookupInput } from "../src/serverPath";

function input(files: string[], overrides: Partial<LookupInput> = {}): LookupInput {
  return {
    configuredPath: "",
    trusted: true,
    extensionPath: "/ext",
    platform: "linux",
    isFile: (file) => files.includes(file),
    pathDirs: ["/usr/local/bin", "/usr/bin"],
    ...overrides,
  };
}

test("the setting wins when the workspace is trusted", () => {
  const found = findServer(input(["/opt/nianbao", "/ext/server/nianbao"], { configuredPath: "/opt/nianbao" }));
  assert.deepEqual(found, { binary: "/opt/nianbao", source: "setting" });
});

test("a setting that is not a file is an error, not a fallback", () => {
  const found = findServer(input(["/ext/server/nianbao"], { configuredPath: "/nope" }));
  assert.ok("error" in found && found.error.includes("/nope"));
});

test("then the bundled binary, then PATH", () => {
  assert.deepEqual(findServer(input(["/ext/server/nianbao", "/usr/bin/nianbao"])), { binary: "/ext/server/nianbao", source: "bundled" });
  assert.deepEqual(findServer(input(["/usr/bin/nianbao"])), { binary: "/usr/bin/nianbao", source: "path" });
});

test("an untrusted workspace runs only the bundled binary", () => {
  const files = ["/opt/nianbao", "/usr/bin/nianbao"];
  const found = findServer(input(files, { trusted: false, configuredPath: "/opt/nianbao" }));
  assert.ok("error" in found, "neither the setting nor PATH may be used");
  const bundled = findServer(input([...files, "/ext/server/nianbao"], { trusted: false, configuredPath: "/opt/nianbao" }));
  assert.deepEqual(bundled, { binary: "/ext/server/nianbao", source: "bundled" });
});

test("Windows looks for nianbao.exe", () => {
  const found = findServer(input(["/ext/server/nianbao.exe"], { platform: "win32" }));
  assert.deepEqual(found, { binary: "/ext/server/nianbao.exe", source: "bundled" });
});

test("nothing found names every way to fix it", () => {
  const found = findServer(input([]));
  assert.ok("error" in found && found.error.includes("nianbao.path") && found.error.includes("PATH"));
});
