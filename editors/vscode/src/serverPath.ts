// Which nianbao binary to start. Pure: the file system and PATH come in as
// functions, so this is unit-tested without VS Code.

import * as path from "node:path";

export type ServerSource = "setting" | "bundled" | "path";

export interface LookupInput {
  /** The nianbao.path setting ("" when unset). */
  configuredPath: string;
  /** Whether the workspace is trusted. */
  trusted: boolean;
  /** The extension's own folder. */
  extensionPath: string;
  platform: NodeJS.Platform;
  /** Whether a file exists and is a file. */
  isFile: (file: string) => boolean;
  /** The folders of PATH. */
  pathDirs: string[];
}

export type LookupResult = { binary: string; source: ServerSource } | { error: string };

export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "nianbao.exe" : "nianbao";
}

/**
 * nianbao.path, then the binary bundled in the extension (server/nianbao),
 * then PATH. Never a download: government networks are often offline. In an
 * untrusted workspace only the bundled binary runs, since a setting or PATH
 * entry could point at anything.
 */
export function findServer(input: LookupInput): LookupResult {
  const name = binaryName(input.platform);
  const bundled = path.join(input.extensionPath, "server", name);
  if (!input.trusted) {
    return input.isFile(bundled)
      ? { binary: bundled, source: "bundled" }
      : { error: "This workspace is not trusted and the extension has no bundled nianbao server." };
  }
  if (input.configuredPath.trim() !== "") {
    const configured = input.configuredPath.trim();
    return input.isFile(configured)
      ? { binary: configured, source: "setting" }
      : { error: `nianbao.path is set to "${configured}", which is not a file.` };
  }
  if (input.isFile(bundled)) {
    return { binary: bundled, source: "bundled" };
  }
  for (const dir of input.pathDirs) {
    const candidate = path.join(dir, name);
    if (dir !== "" && input.isFile(candidate)) {
      return { binary: candidate, source: "path" };
    }
  }
  return {
    error: "No nianbao binary: set nianbao.path, install the extension with its bundled server, or put nianbao on PATH (cargo install --path crates/nianbao_cli).",
  };
}
