/**
 * The static docs site (`npm run docs` → site/): an index by topic, a page per rule and per doctor
 * code, the lab transcripts on the rule pages and on labs.html, and an offline search page. Every
 * link is relative and every asset local, so the folder works from file: with no network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TOPICS, type Topic } from '../../src/kernel/topic.js';
import { esc, layout, STYLE } from './html.js';
import { renderTranscript, SiteError, type LabTranscript } from './labs.js';
import { renderInline, renderMarkdown } from './markdown.js';
import { sitePages, type SitePage } from './pages.js';
import { buildIndex, searchIn, searchPage, type IndexInput } from './search.js';

/** A file in every built site: the only kind of folder buildSite empties before writing. */
export const MARKER = '.venvguard-site';

export interface SiteOptions {
  out: string;
  /** Lab transcripts; undefined when the site is built without them. */
  labs?: LabTranscript[];
}

export interface SiteSummary {
  out: string;
  rulePages: number;
  doctorPages: number;
  searchTerms: number;
  /** Rules with a transcript, rules without one, transcripts for codes the registry does not have. */
  labs?: { rendered: string[]; missing: string[]; unknown: string[]; disagreeing: string[] };
}

export function buildSite(opts: SiteOptions): SiteSummary {
  const out = path.resolve(opts.out);
  prepareOut(out);
  const pages = sitePages();
  const labsByCode = new Map((opts.labs ?? []).map((t) => [t.code, t]));
  const inputs: IndexInput[] = [];

  for (const page of pages) {
    const r = renderMarkdown(page.markdown);
    const lab = page.kind === 'rule' ? labSection(page, opts.labs && labsByCode.get(page.code), opts.labs !== undefined) : '';
    const headings = [...r.headings, ...(page.kind === 'rule' ? [{ id: 'lab-transcript', text: 'Lab transcript' }] : [])];
    const toc = `<nav class="toc" aria-label="Contents"><strong>On this page</strong><ol>${headings.map((h) => `<li><a href="#${esc(h.id)}">${esc(h.text)}</a></li>`).join('')}</ol></nav>`;
    const crumbs = `<a href="../index.html#topic-${page.topic}">${esc(TOPICS[page.topic].title)}</a> · ${page.kind === 'rule' ? 'rule' : 'doctor finding'}`;
    write(out, page.url, layout({ title: r.title, base: '../', crumbs, body: `${toc}\n${r.html}${lab}` }));
    inputs.push({
      doc: { url: page.url, code: page.code, title: page.title, summary: page.summary.replace(/`/g, ''), topic: TOPICS[page.topic].title },
      fields: [
        { text: page.code, weight: 10 },
        { text: page.title, weight: 8 },
        { text: page.summary, weight: 4 },
        { text: `${TOPICS[page.topic].title} ${page.kind === 'rule' ? 'rule' : 'doctor finding'}`, weight: 2 },
        { text: r.headings.map((h) => h.text).join(' '), weight: 1 },
        { text: r.text, weight: 1 },
      ],
    });
  }

  write(out, 'index.html', layout({ title: 'venvguard: rules and doctor findings by topic', base: '', body: indexBody(pages, opts.labs && labsByCode) }));
  write(out, 'labs.html', layout({ title: 'Lab transcripts', base: '', body: labsBody(pages, opts.labs) }));
  const index = buildIndex(inputs);
  write(out, 'assets/search-index.js', `var VG_SEARCH_INDEX = ${JSON.stringify(index)};\n`);
  write(out, 'assets/search.js', `"use strict";\nvar searchIn = ${searchIn.toString()};\nvar searchPage = ${searchPage.toString()};\nsearchPage(VG_SEARCH_INDEX, searchIn);\n`);
  write(
    out,
    'search.html',
    layout({
      title: 'Search',
      base: '',
      body: `<p><input id="q" type="search" aria-label="Search" placeholder="a code, a program, a variable, words …" autofocus></p>\n<p id="status" class="muted" aria-live="polite">Search needs JavaScript.</p>\n<ol id="results"></ol>`,
      scripts: ['assets/search-index.js', 'assets/search.js'],
    }),
  );
  write(out, 'assets/style.css', STYLE);
  if (opts.labs) write(out, 'labs.json', JSON.stringify(opts.labs, null, 2) + '\n');

  const codes = new Set(pages.filter((p) => p.kind === 'rule').map((p) => p.code));
  return {
    out,
    rulePages: codes.size,
    doctorPages: pages.length - codes.size,
    searchTerms: Object.keys(index.terms).length,
    labs: opts.labs && {
      rendered: [...codes].filter((c) => labsByCode.has(c)),
      missing: [...codes].filter((c) => !labsByCode.has(c)),
      unknown: opts.labs.map((t) => t.code).filter((c) => !codes.has(c)),
      disagreeing: opts.labs.filter((t) => !t.ok).map((t) => t.code),
    },
  };
}

/** Creates `out`, or empties it when it is a site this function built (never another folder). */
function prepareOut(out: string): void {
  if (fs.existsSync(out)) {
    const entries = fs.readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) throw new SiteError(`${out} exists and is not a site built by npm run docs (no ${MARKER} in it): not overwriting it`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, MARKER), 'Built by npm run docs (scripts/site); emptied and rebuilt by it.\n');
}

function write(out: string, rel: string, text: string): void {
  const file = path.join(out, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function labSection(page: SitePage, t: LabTranscript | undefined, haveLabs: boolean): string {
  const body = t
    ? renderTranscript(t)
    : haveLabs
      ? `<p class="verdict bad">The labs this site was built with have no transcript for ${esc(page.code)}.</p>`
      : '<p class="muted">This site was built without lab transcripts (<code>npm run docs</code> adds them when the build has <code>venvguard lab</code>; <code>node dist/scripts/site/main.js --labs FILE</code> takes a saved <code>venvguard lab --all --format json</code>).</p>';
  return `\n<h2 id="lab-transcript">Lab transcript</h2>\n${body}\n`;
}

function badge(t: LabTranscript | undefined): string {
  if (!t) return '';
  return t.ok ? ' <span class="badge ok" title="its lab agrees with the page">lab ✓</span>' : ' <span class="badge bad" title="its lab disagrees with the page">lab ✗</span>';
}

function indexBody(pages: SitePage[], labs: Map<string, LabTranscript> | undefined): string {
  const rules = pages.filter((p) => p.kind === 'rule').length;
  const parts = [
    `<p>venvguard finds where Python processes escape their virtual environment: code and configuration that start <code>python</code>, <code>pip</code> or a console script by name, so that PATH decides which one runs. Here are its ${rules} rules (<code>venvguard check</code>) and the ${pages.length - rules} findings of <code>venvguard doctor</code>, by topic.</p>`,
    `<p class="muted">${labs ? labsLine(pages, labs) : 'Built without lab transcripts.'} <a href="search.html">Search</a> works offline.</p>`,
    `<nav class="toc" aria-label="Topics"><strong>Topics</strong><ol>${(Object.keys(TOPICS) as Topic[]).map((id) => `<li><a href="#topic-${id}">${esc(TOPICS[id].title)}</a></li>`).join('')}</ol></nav>`,
  ];
  const item = (p: SitePage) =>
    `<li><a class="code" href="${p.url}">${esc(p.code)}</a><a href="${p.url}">${p.kind === 'rule' ? esc(p.title) : renderInline(p.title)}</a>${p.kind === 'rule' ? `${badge(labs?.get(p.code))}<div class="muted">${renderInline(p.summary)}</div>` : ''}</li>`;
  for (const id of Object.keys(TOPICS) as Topic[]) {
    const mine = pages.filter((p) => p.topic === id);
    const groups = [
      { label: 'Rules (<code>venvguard check</code>)', list: mine.filter((p) => p.kind === 'rule') },
      { label: 'Doctor findings (<code>venvguard doctor</code>)', list: mine.filter((p) => p.kind === 'doctor') },
    ].filter((g) => g.list.length > 0);
    parts.push(
      `<section id="topic-${id}">`,
      `<h2>${esc(TOPICS[id].title)}</h2>`,
      `<p class="muted">${esc(TOPICS[id].blurb)}</p>`,
      ...groups.flatMap((g) => [`<h3>${g.label}</h3>`, '<ul class="topic-list">', ...g.list.map(item), '</ul>']),
      '</section>',
    );
  }
  return parts.join('\n');
}

/** `12 of 12 rules have a lab transcript; 11 agree with their pages, 1 does not.` */
function labsLine(pages: SitePage[], labs: Map<string, LabTranscript>): string {
  const rules = pages.filter((p) => p.kind === 'rule');
  const mine = rules.map((p) => labs.get(p.code)).filter((t) => t !== undefined);
  const ok = mine.filter((t) => t.ok).length;
  return `<a href="labs.html">${mine.length} of ${rules.length} rules have a lab transcript</a>; ${ok} agree with their pages${ok < mine.length ? `, ${mine.length - ok} do not` : ''}.`;
}

function labsBody(pages: SitePage[], labs: LabTranscript[] | undefined): string {
  if (!labs)
    return '<p>This site was built without lab transcripts. <code>npm run docs</code> runs <code>venvguard lab --all --format json</code> first when the build has the <code>lab</code> command; <code>node dist/scripts/site/main.js --labs FILE</code> builds the site from a saved run.</p>';
  const byCode = new Map(labs.map((t) => [t.code, t]));
  const rules = pages.filter((p) => p.kind === 'rule');
  const rows = rules.map((p) => {
    const t = byCode.get(p.code);
    if (!t) return `<tr><td><a href="${p.url}">${esc(p.code)}</a></td><td>${esc(p.title)}</td><td class="verdict bad">no transcript</td><td></td><td></td><td></td></tr>`;
    const disagree = t.runs.filter((r) => !r.agrees).length;
    return `<tr><td><a href="${p.url}#lab-transcript">${esc(p.code)}</a></td><td>${esc(p.title)}</td><td class="verdict ${t.ok ? 'ok' : 'bad'}">${t.ok ? 'agrees' : `${disagree} disagree`}</td><td>${t.runs.length}</td><td>${esc(t.interpreters.map((i) => i.version).join(', ')) || '—'}</td><td>${esc(t.os)}</td></tr>`;
  });
  const unknown = labs.filter((t) => !rules.some((p) => p.code === t.code));
  return [
    `<p>Each rule's lab builds real venvs and runs the page's broken and fixed examples in the situations that matter (by the venv's path without activation, in an activated shell, under cron's PATH …); every output is compared with the page's claim. The raw transcripts: <a href="labs.json">labs.json</a>.</p>`,
    '<table><thead><tr><th>Code</th><th>Rule</th><th>Verdict</th><th>Runs</th><th>Python</th><th>OS</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    unknown.length ? `<p class="verdict bad">Transcripts for codes that are not rules here: ${unknown.map((t) => esc(t.code)).join(', ')}.</p>` : '',
  ].join('\n');
}
