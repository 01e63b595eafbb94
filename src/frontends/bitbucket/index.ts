/**
 * Bitbucket Pipelines front end: `bitbucket-pipelines.yml` → launch sites. What the model follows
 * (Bitbucket Pipelines configuration reference, support.atlassian.com/bitbucket-cloud/docs/):
 *
 * - `pipelines:` → `default`, `branches:`/`tags:`/`bookmarks:`/`pull-requests:`/`custom:` → a list
 *   of `- step:`, `- parallel:` (a list of steps, or `steps:`) and `- stage:` (`steps:`); steps
 *   defined under `definitions:` and used through YAML anchors are read where they are used.
 * - A step runs in a container of its own (`image:` of the step or the file): its `script:` lines
 *   run one after the other in one shell (bash; sh in an image known to have no bash: busybox ash,
 *   which has `source`), so an activation lasts for the rest of the step. `after-script:` runs
 *   after it in a new shell in the same container. Steps do not share state (artifacts that might
 *   carry a venv are not followed). `- pipe:` items run a container of their own: not read.
 * - The clone is the start folder (`$BITBUCKET_CLONE_DIR`).
 */
import path from 'node:path';
import type { SourceFile } from '../../kernel/source.js';
import { YAML_CONFIG_MAX_BYTES, configMayMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { runCiJobs, type CiFormat, type CiJob, type CiStep, type StepItem } from '../config/ci-steps.js';
import { field, isMapping, itemsOf, keyAt, linesOf, readCiYaml, scalarItem, scalarText, spanOf, type Value } from '../config/ci-yaml.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';
import { TooComplexError } from '../../kernel/budgets.js';

/** The clone ($BITBUCKET_CLONE_DIR); venvs are kept as absolute paths under it. */
const WS = '/__bitbucket_clone__';
const HOME = '/__bitbucket_home__';

const FORMAT: CiFormat = {
  language: 'bitbucket-pipelines',
  comments: { line: '#', trailing: '#' },
  workspace: WS,
  home: HOME,
  unit: 'this step',
  persistAdvice: (venv, show) => `activate it ("source ${show(venv)}/bin/activate") in the script before the commands that use it (a step's script lines run in one shell; after-script and other steps need their own)`,
  normalizePath: (p) => p.replace(/\$\{?BITBUCKET_CLONE_DIR\}?(?![A-Za-z0-9_])/g, WS),
};

const imageName = (v: Value | undefined): string => scalarText(v) ?? scalarText(field(v, 'name')) ?? '';
const lacksBash = (image: string) => /(^|\/)(alpine|busybox)(:|$)|[:-]alpine/.test(image);

export function analyzeBitbucket(file: SourceFile): Analysis {
  const y = readCiYaml(file);
  const jobs: CiJob[] = [];
  const lineOf = (off: number) => file.location(Math.min(off, file.text.length)).line;
  const topImage = imageName(field(y.root, 'image'));
  /** A YAML mapping read once: the same anchored step used twice is two runs, but each use is read. */
  const readStep = (stepItem: Value) => {
    const step = field(stepItem, 'step');
    if (!isMapping(step)) return;
    const image = imageName(field(step, 'image')) || topImage;
    const sh = lacksBash(image);
    const stepSpan = spanOf(file, stepItem);
    const shells: CiStep[] = [];
    for (const key of ['script', 'after-script'] as const) {
      const items: StepItem[] = [];
      for (const line of itemsOf(y, field(step, key))) {
        const it = scalarItem(y, line);
        if (it) items.push(it);
      }
      if (items.length === 0) continue;
      const k = keyAt(step, key) ?? items[0].span.start;
      const { first, last } = linesOf(file, { start: Math.min(k, stepSpan?.start ?? k), end: items[items.length - 1].span.end });
      shells.push({
        api: key,
        items,
        lines: { first, last, above: [lineOf(stepSpan?.start ?? k) - 1, lineOf(k) - 1] },
        dialect: sh ? 'sh' : 'bash',
        shHasSource: true,
        shellName: sh ? '/bin/sh' : 'bash',
        env: new Map(),
      });
    }
    if (shells.length) jobs.push({ steps: shells });
  };
  const readList = (list: Value | undefined, depth: number) => {
    if (depth > 4) return;
    for (const item of itemsOf(y, list)) {
      if (!isMapping(item)) continue;
      if (item.entries.has('step')) readStep(item);
      const parallel = field(item, 'parallel');
      if (parallel !== undefined) readList(isMapping(parallel) ? field(parallel, 'steps') : parallel, depth + 1);
      const stage = field(item, 'stage');
      if (stage !== undefined) readList(field(stage, 'steps'), depth + 1);
    }
  };
  try {
    const pipelines = field(y.root, 'pipelines');
    if (isMapping(pipelines)) {
      for (const [name, e] of pipelines.entries) {
        if (name === 'default') readList(e.value, 0);
        else if (isMapping(e.value)) for (const sub of e.value.entries.values()) readList(sub.value, 0);
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
    y.problems.push({ message: `internal error while analysing the pipelines: ${(e as Error).message}`, offset: 0 });
  }
  return runCiJobs(file, FORMAT, jobs, y.problems);
}

export const bitbucketFrontEnd: FrontEnd = {
  language: 'bitbucket-pipelines',
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    return path.posix.basename(p.replace(/\\/g, '/')) === 'bitbucket-pipelines.yml';
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeBitbucket(file));
  },
};
