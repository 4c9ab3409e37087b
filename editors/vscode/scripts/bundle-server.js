// Copies the nianbao binary into server/ before `vsce package`.
// Source: $NIANBAO_BINARY, else ../../target/release/nianbao(.exe).
const fs = require("node:fs");
const path = require("node:path");

const name = process.platform === "win32" ? "nianbao.exe" : "nianbao";
const source = process.env.NIANBAO_BINARY || path.join(__dirname, "..", "..", "..", "target", "release", name);
if (!fs.existsSync(source)) {
  console.error(`bundle-server: ${source} does not exist; run \`cargo build --release -p nianbao_cli\` or set NIANBAO_BINARY`);
  process.exit(1);
}
const target = path.join(__dirname, "..", "server", name);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
fs.chmodSync(target, 0o755);
console.log(`bundle-server: ${source} → server/${name}`);
