/**
 * The Ruff peer of the benchmark: Ruff's WebAssembly build (npm `@astral-sh/ruff-wasm-nodejs`) with only
 * the flake8-bandit process-launch rules S602–S607 selected, run over every corpus file in one Node
 * process. Ruff's native binary cannot be installed here, so this is the Ruff that is measured.
 * Usage: node dist/bench/ruff-wasm.js <corpus-dir>. Prints one JSON object on stdout.
 */
import fs from 'node:fs';
import { RUFF_PACKAGE, RUFF_RULES } from './peer-config.js';
import { listPythonFiles } from './walk.js';

/** The part of the package's API used here (its own .d.ts has more). Typed locally so the build does not need the package. */
interface RuffDiagnostic {
  code: string | null;
}
interface RuffWorkspace {
  check(contents: string): RuffDiagnostic[];
}
interface RuffModule {
  Workspace: {
    new (options: unknown, positionEncoding: number): RuffWorkspace;
    version(): string;
  };
  PositionEncoding: { Utf16: number };
}

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('usage: ruff-wasm.js <corpus-dir>\n');
    process.exit(2);
  }
  // A name in a variable keeps tsc from resolving it: the harness reports a missing package as "skipped".
  const packageName: string = RUFF_PACKAGE;
  const loaded = (await import(packageName)) as RuffModule & { default?: RuffModule };
  const ruff: RuffModule = loaded.Workspace ? loaded : (loaded.default as RuffModule);
  const workspace = new ruff.Workspace(
    { 'target-version': 'py312', lint: { select: [...RUFF_RULES] } },
    ruff.PositionEncoding.Utf16,
  );
  const selected = new Set<string>(RUFF_RULES);
  let files = 0;
  let findings = 0;
  let syntaxErrorFiles = 0;
  let crashedFiles = 0;
  const byCode: Record<string, number> = {};
  for (const file of listPythonFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    files += 1;
    let diagnostics: RuffDiagnostic[];
    try {
      diagnostics = workspace.check(text);
    } catch {
      crashedFiles += 1; // a panic inside the WASM module: count it, keep going
      continue;
    }
    let syntaxError = false;
    for (const d of diagnostics) {
      if (d.code !== null && selected.has(d.code)) {
        findings += 1;
        byCode[d.code] = (byCode[d.code] ?? 0) + 1;
      } else if (d.code === 'invalid-syntax' || d.code === null) {
        syntaxError = true;
      }
    }
    if (syntaxError) syntaxErrorFiles += 1;
  }
  const out = { version: ruff.Workspace.version(), files, findings, byCode, syntaxErrorFiles, crashedFiles };
  process.stdout.write(JSON.stringify(out) + '\n');
}

await main();
