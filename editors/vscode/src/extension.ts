// The nianbao extension: starts `nianbao lsp` and adds three commands.

import * as fs from "node:fs";
import * as path from "node:path";
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

import { findServer } from "./serverPath";
import { toServerSettings } from "./settings";

let client: LanguageClient | undefined;
let serverBinary: string | undefined;

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function readSettings(output: vscode.LogOutputChannel) {
  const config = vscode.workspace.getConfiguration("nianbao");
  const { settings, problems } = toServerSettings({ debounceMs: config.get("debounceMs"), rules: config.get("rules") });
  problems.forEach((problem) => output.appendLine(`settings: ${problem}`));
  return settings;
}

async function start(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  const found = findServer({
    configuredPath: vscode.workspace.getConfiguration("nianbao").get<string>("path") ?? "",
    trusted: vscode.workspace.isTrusted,
    extensionPath: context.extensionPath,
    platform: process.platform,
    isFile,
    pathDirs: (process.env.PATH ?? "").split(path.delimiter),
  });
  if ("error" in found) {
    void vscode.window.showErrorMessage(found.error);
    return;
  }
  serverBinary = found.binary;
  output.appendLine(`starting ${found.binary} (${found.source})`);
  const serverOptions: ServerOptions = { command: found.binary, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
    initializationOptions: readSettings(output),
    synchronize: {
      configurationSection: "nianbao",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/nianbao.toml"),
    },
    outputChannel: output,
  };
  client = new LanguageClient("nianbao", "nianbao", serverOptions, clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("nianbao", { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("nianbao.restartServer", async () => {
      await client?.stop();
      client = undefined;
      await start(context, output);
    }),
    vscode.commands.registerCommand("nianbao.fixAll", () =>
      vscode.commands.executeCommand("editor.action.codeAction", { kind: "source.fixAll.nianbao", apply: "first" }),
    ),
    vscode.commands.registerCommand("nianbao.showRuleDocs", async () => {
      const code = await vscode.window.showInputBox({ prompt: "Rule code or name", placeHolder: "T303" });
      if (!code || !serverBinary) {
        return;
      }
      // The docs come from the binary itself: no network needed.
      execFile(serverBinary, ["rule", code.trim()], async (error, stdout, stderr) => {
        if (error) {
          void vscode.window.showErrorMessage(stderr.trim() || String(error));
          return;
        }
        const doc = await vscode.workspace.openTextDocument({ language: "markdown", content: stdout });
        await vscode.commands.executeCommand("markdown.showPreview", doc.uri);
      });
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("nianbao.path")) {
        await vscode.commands.executeCommand("nianbao.restartServer");
      }
    }),
  );
  await start(context, output);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
