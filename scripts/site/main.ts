/**
 * `node dist/scripts/site/main.js [--out DIR] [--labs FILE | --run-lab]`: builds the docs site.
 * `--run-lab` (what `npm run docs` passes) runs `venvguard lab --all --format json` with this
 * build's CLI when it has the `lab` command, and otherwise builds without transcripts and says so.
 * Exit codes: 0 built; 1 the labs could not be read or run, or --out is a folder it did not build; 2 bad arguments.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildSite } from './build.js';
import { hasLabCommand, LabsError, parseLabs, readLabs, SiteError, type LabTranscript } from './labs.js';
import { repositoryRoot } from '../../src/kernel/own-package.js';

const root = repositoryRoot(import.meta.url);
const CLI = path.join(root, 'dist/cli/main.js');

const USAGE = 'usage: node dist/scripts/site/main.js [--out DIR] [--labs FILE | --run-lab]';

function args(argv: string[]): { out: string; labs?: string; runLab: boolean } {
  let out = path.join(root, 'site');
  let labs: string | undefined;
  let runLab = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--out') out = path.resolve(value());
    else if (a === '--labs') labs = path.resolve(value());
    else if (a === '--run-lab') runLab = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else usage(`unknown argument ${a}`);
  }
  if (labs && runLab) usage('--labs and --run-lab exclude each other');
  return { out, labs, runLab };
}

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

/** The labs from this build's `venvguard lab --all --format json`, or undefined when it has no `lab`. */
function runLab(): LabTranscript[] | undefined {
  if (!hasLabCommand(CLI)) {
    console.log(`this build has no \`venvguard lab\` command (${path.relative(process.cwd(), CLI)} lab --help shows no lab usage): building the site without lab transcripts`);
    return undefined;
  }
  console.log('running venvguard lab --all --format json (real venvs; this takes a while) …');
  const r = spawnSync(process.execPath, [CLI, 'lab', '--all', '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.error) throw new LabsError(`venvguard lab --all could not run: ${r.error.message}`);
  let labs: LabTranscript[];
  try {
    labs = parseLabs(r.stdout, 'the output of venvguard lab --all --format json');
  } catch (e) {
    throw new LabsError(`${(e as Error).message} (lab exited ${r.status})`);
  }
  const bad = labs.filter((t) => !t.ok).map((t) => t.code);
  if (bad.length) console.log(`lab exited ${r.status}: ${bad.join(', ')} disagree with their pages; the site shows where`);
  return labs;
}

const opts = args(process.argv.slice(2));
try {
  const labs = opts.labs ? readLabs(opts.labs) : opts.runLab ? runLab() : undefined;
  const s = buildSite({ out: opts.out, labs });
  console.log(`wrote the site to ${path.relative(process.cwd(), s.out) || s.out}: ${s.rulePages} rule pages, ${s.doctorPages} doctor pages, a search index of ${s.searchTerms} terms`);
  if (!s.labs) console.log('no lab transcripts in it (rule pages say so)');
  else {
    console.log(`lab transcripts: ${s.labs.rendered.length} of ${s.rulePages} rules${s.labs.disagreeing.length ? `; disagreeing: ${s.labs.disagreeing.join(', ')}` : ', every one agrees with its page'}`);
    if (s.labs.missing.length) console.log(`rules without a transcript: ${s.labs.missing.join(', ')}`);
    if (s.labs.unknown.length) console.log(`transcripts for codes that are not rules (left on labs.html only): ${s.labs.unknown.join(', ')}`);
  }
  console.log(`open it: ${path.join(s.out, 'index.html')} (file:, no server needed)`);
} catch (e) {
  if (e instanceof SiteError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
