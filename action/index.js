// Generated from src/ by scripts/bundle.ts (npm run action); do not edit.

// dist/src/action/bootstrap.js
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var here = path.dirname(fileURLToPath(import.meta.url));
var root = path.dirname(here);
if (!fs.existsSync(path.join(root, "node_modules", "web-tree-sitter"))) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: root, stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  if (r.status !== 0) {
    process.stdout.write(`::error title=venvguard::could not install the action's dependencies (npm ci exited ${r.status ?? r.signal})
`);
    process.exit(2);
  }
}
await import(new URL("./run.js", import.meta.url).href);
