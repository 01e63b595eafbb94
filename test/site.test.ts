/**
 * The docs site (`npm run docs` → site/): built once here from the real rule registry and doctor
 * pages, with a lab transcript made by running real commands (`venvguard lab` itself when this
 * build has it; otherwise a real venv and the VG101 page's own examples run by this test), then read
 * as files and opened in a real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * the index, a rule page and search. Screenshots go to test-output/site/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { RULES } from '../src/rules/index.js';
import { renderRuleDoc } from '../src/rules/docs.js';
import { FINDING_CODES } from '../src/env/finding.js';
import { FINDING_DOCS } from '../src/env/finding-docs.js';
import { TOPICS, type Topic } from '../src/kernel/topic.js';
import { MARKER } from '../scripts/site/build.js';
import { hasLabCommand, parseLabs, renderTranscript, type LabTranscript } from '../scripts/site/labs.js';
import { renderInline, renderMarkdown } from '../scripts/site/markdown.js';
import { searchIn, type SearchIndex } from '../scripts/site/search.js';
import { CLI, python3, repoRoot, runCli, tempDir } from './helpers.js';

const SITE_CLI = path.join(repoRoot, 'dist/scripts/site/main.js');
const SHOTS = path.join(repoRoot, 'test-output/site');
const LAB_CODE = 'VG101';

let dir: string;
let site: string;
let labs: LabTranscript[];
let labsFile: string;
let transcriptSource: string;

/** PRETTY_NAME of /etc/os-release, else the kernel's name and release. */
function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) return m[1];
  } catch {
    /* not Linux */
  }
  return `${os.type()} ${os.release()}`;
}

/**
 * A transcript of VG101's examples, measured: a venv made with a real interpreter, the page's broken
 * and fixed code run by the venv's path under cron's PATH and inside an activated PATH, the child
 * printing its sys.prefix. Every output and exit code is what the process printed.
 */
function measuredTranscript(py: string, work: string): LabTranscript {
  const venv = path.join(work, 'venv');
  const made = spawnSync(py, ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
  assert.equal(made.status, 0, `${py} -m venv: ${made.stderr}`);
  const version = spawnSync(py, ['-c', 'import platform; print(platform.python_version())'], { encoding: 'utf8' }).stdout.trim();
  const rule = RULES.find((r) => r.code === LAB_CODE)!;
  fs.writeFileSync(path.join(work, 'child.py'), 'import sys\nprint("child: ", sys.prefix)\n');
  const vpy = path.join(venv, 'bin', 'python');
  const situations = [
    { situation: "by the venv's path, cron's PATH=/usr/bin:/bin", PATH: '/usr/bin:/bin', env: {} },
    { situation: 'activated shell', PATH: `${path.join(venv, 'bin')}:/usr/bin:/bin`, env: { VIRTUAL_ENV: venv } },
  ];
  const runs: LabTranscript['runs'] = [];
  for (const [example, code] of [
    ['broken', rule.docs.example],
    ['fixed', rule.docs.useInstead],
  ] as const) {
    const file = path.join(work, `${example}.py`);
    fs.writeFileSync(file, code);
    for (const s of situations) {
      const r = spawnSync(vpy, [file], { cwd: work, encoding: 'utf8', env: { PATH: s.PATH, LANG: 'C.UTF-8', ...s.env } });
      const output = (r.stdout + r.stderr).split(work).join('$LAB');
      const inVenv = output.includes(`child:  $LAB/venv\n`);
      const wantVenv = example === 'fixed' || s.situation === 'activated shell';
      runs.push({
        example,
        situation: s.situation,
        interpreter: version,
        command: `PATH=${s.PATH.split(work).join('$LAB')} $LAB/venv/bin/python ${example}.py`,
        claim: wantVenv ? "the child prints the venv's prefix" : "the child does not run in the venv (another prefix, or `python` is not found)",
        output,
        exitCode: r.status ?? -1,
        agrees: inVenv === wantVenv,
      });
    }
  }
  return { code: LAB_CODE, ok: runs.every((r) => r.agrees), os: osName(), interpreters: [{ path: py, version }], runs };
}

before(() => {
  dir = tempDir('venvguard-site-');
  const py = python3();
  assert.ok(py, 'no Python 3 on this machine: the site test needs one for its lab transcript');
  if (hasLabCommand(CLI)) {
    const r = runCli(['lab', LAB_CODE, '--python', py, '--format', 'json']);
    labs = parseLabs(r.stdout, 'venvguard lab --format json');
    transcriptSource = 'venvguard lab';
  } else {
    labs = [measuredTranscript(py, fs.mkdtempSync(path.join(dir, 'lab-')))];
    transcriptSource = 'commands run by this test';
  }
  labsFile = path.join(dir, 'labs.json');
  fs.writeFileSync(labsFile, JSON.stringify(labs));
  site = path.join(dir, 'site');
  const r = spawnSync(process.execPath, [SITE_CLI, '--out', site, '--labs', labsFile], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`: ${RULES.length} rule pages, ${Object.keys(FINDING_CODES).length} doctor pages`));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (rel: string) => fs.readFileSync(path.join(site, rel), 'utf8');
const topicOf = (code: string): Topic => RULES.find((r) => r.code === code)?.topic ?? FINDING_DOCS[code].topic;

test('the index lists every rule and doctor code once, under the topic its own file names', () => {
  const index = read('index.html');
  const codes = [...RULES.map((r) => r.code), ...Object.keys(FINDING_CODES)];
  for (const id of Object.keys(TOPICS) as Topic[]) {
    const section = /<section id="topic-([^"]+)">([\s\S]*?)<\/section>/g;
    const mine = [...index.matchAll(section)].find((m) => m[1] === id)?.[2];
    assert.ok(mine, `no section for topic ${id}`);
    const listed = [...mine.matchAll(/<a class="code" href="[^"]+">([A-Z]+\d+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(listed, codes.filter((c) => topicOf(c) === id), `topic ${id}`);
    assert.ok(listed.length > 0, `topic ${id} has no page`);
  }
  for (const code of codes) {
    const page = read(`${code.startsWith('VG') ? 'rules' : 'doctor'}/${code}.html`);
    assert.match(page, new RegExp(`<h1>${code} `));
  }
});

test("a rule page has every section of its concept page in order, its code blocks, and the lab's outputs", () => {
  const rule = RULES.find((r) => r.code === LAB_CODE)!;
  const page = read(`rules/${LAB_CODE}.html`);
  const want = [...renderRuleDoc(rule).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  const got = [...page.matchAll(/<h2 id="[^"]+">(.*?)<\/h2>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
  assert.deepEqual(got, [...want, 'Lab transcript']);
  assert.ok(want.includes('Fix safety') && want.includes('References'));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  assert.ok(page.includes(`<code class="language-python">${escape(rule.docs.example)}`), 'the broken example as a Python code block');
  for (const ref of rule.docs.references) assert.ok(page.includes(`href="${ref}"`), ref);
  const t = labs[0];
  assert.ok(page.includes(escape(t.os).replace(/'/g, '&#39;')), t.os);
  for (const i of t.interpreters) assert.ok(page.includes(`Python ${i.version}`), i.version);
  for (const run of t.runs) {
    assert.ok(page.includes(`<code>${escape(run.output).replace(/'/g, '&#39;')}</code>`), `the output of ${run.example} / ${run.situation} (from ${transcriptSource})`);
    assert.ok(page.includes(`Claim: ${renderInline(run.claim)} `), run.claim); // claims are Markdown: `source: not found`
    assert.ok(page.includes(`exit code ${run.exitCode}`));
  }
  if (transcriptSource !== 'venvguard lab') assert.ok(page.includes('or <code>python</code> is not found'), 'a claim\'s Markdown is rendered, not shown as backticks');
  // Rules without a transcript say so instead of showing nothing.
  const other = read(`rules/${RULES.find((r) => r.code !== LAB_CODE)!.code}.html`);
  assert.match(other, /have no transcript for VG\d+/);
});

test('nothing in the site is loaded from the network', () => {
  const files = fs.readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|css|js)$/.test(f));
  assert.ok(files.length >= RULES.length + Object.keys(FINDING_CODES).length + 3);
  for (const f of files) {
    const text = read(f);
    assert.doesNotMatch(text, /<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)="(https?:)?\/\//i, f);
    assert.doesNotMatch(text, /@import|@font-face|url\(\s*['"]?(https?:)?\/\//i, f);
  }
});

test('the search index finds codes, names, programs and words of the prose', () => {
  const ctx: { VG_SEARCH_INDEX?: SearchIndex } = {};
  vm.runInNewContext(read('assets/search-index.js'), ctx);
  const index = ctx.VG_SEARCH_INDEX!;
  assert.equal(index.docs.length, RULES.length + Object.keys(FINDING_CODES).length);
  const first = (q: string) => searchIn(index, q)[0]?.doc.code;
  const all = (q: string) => searchIn(index, q).map((h) => h.doc.code);
  assert.equal(first('VG102'), 'VG102');
  assert.equal(first('dr015'), 'DR015');
  assert.equal(first('bare-pip'), 'VG102');
  assert.equal(first('source-in'), 'VG203'); // a prefix, while it is typed
  assert.ok(all('sys.executable').includes('VG101'));
  assert.ok(all('crontab').includes('DR015'));
  assert.deepEqual(all('VIRTUAL_ENV without'), all('virtual_env without')); // case does not matter
  assert.ok(all('VIRTUAL_ENV without').includes('VG205'));
  assert.deepEqual(all('pip zzzqqq'), []); // every word must match
  assert.deepEqual(all('   '), []);
  // The browser runs the same function: the shipped source is searchIn's.
  assert.ok(read('assets/search.js').includes(searchIn.toString()));
});

test('HTML in a page, a code block or a lab output is escaped', () => {
  const r = renderMarkdown('# T <b>x</b>\n\nA <script>alert(1)</script> and [x](javascript:alert(1)) and `<i>`.\n\n```sh\n</code><img src=x onerror=alert(1)>\n```\n');
  assert.doesNotMatch(r.html, /<script|<img|<i>|<b>|href="javascript/i);
  assert.match(r.html, /&lt;script&gt;/);
  const t = labs[0];
  const html = renderTranscript({ ...t, os: `${t.os} <b>`, runs: t.runs.map((run) => ({ ...run, claim: `${run.claim} <img src=x>`, output: `${run.output}</code><script>x()</script>` })) });
  assert.doesNotMatch(html, /<script|<b>|<img/);
  assert.match(html, /&lt;\/code&gt;&lt;script&gt;/);
});

test('bad input: a missing, truncated or incomplete labs file and a folder it did not build are clear errors', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [SITE_CLI, ...args], { encoding: 'utf8' });
  const out = path.join(dir, 'bad-out');
  let r = run('--out', out, '--labs', path.join(dir, 'nope.json'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^cannot read the labs file .*nope\.json: ENOENT/);
  const text = fs.readFileSync(labsFile, 'utf8');
  const truncated = path.join(dir, 'truncated.json');
  fs.writeFileSync(truncated, text.slice(0, text.length >> 1));
  r = run('--out', out, '--labs', truncated);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /truncated\.json: not JSON .*venvguard lab --all --format json/);
  const incomplete = path.join(dir, 'incomplete.json');
  const broken = JSON.parse(text) as Record<string, unknown>[];
  delete (broken[0].runs as Record<string, unknown>[])[1].exitCode;
  fs.writeFileSync(incomplete, JSON.stringify(broken));
  r = run('--out', out, '--labs', incomplete);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /incomplete\.json\[0\]\.runs\[1\]\.exitCode: expected an integer, got nothing/);
  assert.equal(r.stderr.includes('    at '), false, 'no stack trace');
  const notSite = path.join(dir, 'not-a-site');
  fs.mkdirSync(notSite);
  fs.writeFileSync(path.join(notSite, 'notes.txt'), 'mine');
  r = run('--out', notSite);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /not-a-site exists and is not a site built by npm run docs/);
  assert.equal(fs.readFileSync(path.join(notSite, 'notes.txt'), 'utf8'), 'mine');
  r = run('--labz', 'x');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown argument --labz/);
  assert.ok(fs.existsSync(path.join(site, MARKER)));
});

/** Debian's chromium, or the one VENVGUARD_CHROMIUM names; undefined when there is none. */
function chromiumPath(): string | undefined {
  if (process.env.VENVGUARD_CHROMIUM) return process.env.VENVGUARD_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

test('in headless Chromium: the index, a rule page with its lab transcript, and search', async (t) => {
  const exe = chromiumPath();
  if (!exe) {
    t.skip('no chromium here (install Debian\'s chromium, or set VENVGUARD_CHROMIUM): the browser test did not run');
    return;
  }
  const { chromium } = await import('playwright-core');
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: exe });
  const network: string[] = [];
  const errors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      network.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    const topics = await page.locator('section[id^="topic-"] h2').allTextContents();
    assert.deepEqual(topics, Object.values(TOPICS).map((x) => x.title));
    await page.screenshot({ path: path.join(SHOTS, 'index.png'), fullPage: true });

    // A rule page, reached by its link on the index.
    const rule = RULES.find((r) => r.code === LAB_CODE)!;
    await page.locator(`#topic-${rule.topic} a.code`, { hasText: LAB_CODE }).click();
    await page.waitForURL(/rules\/VG101\.html$/);
    assert.equal(await page.locator('h1').textContent(), `${rule.code} ${rule.name}`);
    await page.locator('.toc a', { hasText: 'Lab transcript' }).click();
    const run = page.locator('.run').first();
    assert.ok(await run.isVisible());
    assert.equal((await run.locator('.output').textContent())?.trim(), labs[0].runs[0].output.trim());
    await page.screenshot({ path: path.join(SHOTS, 'rule.png'), fullPage: true });

    // Search from the header: type, submit, see the result, follow it.
    await page.locator('header input[name=q]').fill('crontab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\.html\?q=crontab/);
    const hit = page.locator('#results a', { hasText: 'DR015' });
    await hit.waitFor();
    assert.match((await page.locator('#status').textContent()) ?? '', /\d+ pages? for: crontab/);
    // Typing on the search page updates the results as it goes.
    await page.locator('#q').fill('');
    await page.locator('#q').pressSequentially('bare-pi');
    await page.locator('#results a', { hasText: 'VG102' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'search.png'), fullPage: true });
    await page.locator('#results a').first().click();
    await page.waitForURL(/rules\/VG102\.html$/);
    assert.match((await page.locator('h1').textContent()) ?? '', /^VG102 bare-pip$/);
    await page.screenshot({ path: path.join(SHOTS, 'search-followed.png') });
  } finally {
    await browser.close();
  }
  assert.deepEqual(network, [], 'requests that left the machine');
  assert.deepEqual(errors, [], 'errors in the pages');
});
