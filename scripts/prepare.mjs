// npm's `prepare`: build the package. Plain JavaScript because it runs before anything is compiled.
// Installed from git with `npm install -g git+…` (what pre-commit does for a `language: node` hook),
// npm prepares the clone with the outer install's `npm_config_global=true` still set, so the
// development dependencies go to the global prefix and the build finds no `tsc` (npm/cli#8440).
// Then install them into the clone first.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });
if (!fs.existsSync('node_modules/.bin/tsc') && process.env.npm_config_global === 'true') {
  run('npm install --global=false --include=dev --ignore-scripts --no-save --no-audit --no-fund');
}
run('npm run build');
