/**
 * `venvguard lsp --stdio`: a Language Server. It checks the editor's in-memory text of Python files
 * and of every configuration format venvguard reads, on open, on change (debounced) and on save,
 * with the `[tool.venvguard]` settings nearest to each file; offers each fix as a code action (safe
 * ones as the preferred quick fix, unsafe ones labelled) and a verified suppression comment; and
 * shows the rule's summary and page on hover. The analysis is the one `check` runs (checkSource →
 * diagnose); this file only translates between LSP and it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Edit } from '../kernel/diagnostic.js';
import { SourceFile } from '../kernel/source.js';
import { claimingFrontEnd, headOf, frontEndByLanguage } from '../frontends/index.js';
import type { FrontEnd } from '../frontends/front-end.js';
import { loadParsers } from '../frontends/tree-sitter.js';
import { checkSource } from '../pipeline/check-file.js';
import { loadConfig, patternMatcher, SETTINGS_FILES, type Config } from '../pipeline/config.js';
import { buildSettings, contextFromSettings, perFileIgnores } from '../pipeline/context.js';
import { RULES } from '../rules/index.js';
import { ruleHelpUri } from '../reporters/sarif.js';
import { fullMessage } from '../reporters/common.js';

/** Milliseconds of quiet typing before a changed document is checked again. */
export const DEBOUNCE_MS = 200;

/** Comment leaders for a suppression line, by front end (systemd and supervisor use `;`). */
const SEMICOLON_COMMENTS = new Set(['systemd', 'supervisor']);

/** The file a document stands for: its path, or a name that picks the front end for unsaved ones. */
function documentPath(doc: TextDocument): string {
  if (doc.uri.startsWith('file:')) return fileURLToPath(doc.uri);
  const byLanguage: Record<string, string> = { python: 'untitled.py', dockerfile: 'Dockerfile', makefile: 'Makefile', shellscript: 'untitled.sh' };
  return byLanguage[doc.languageId] ?? 'untitled';
}

interface Settings {
  cfg: Config;
  ctx: ReturnType<typeof contextFromSettings>;
  excluded: ReturnType<typeof patternMatcher>;
  ignoresFor: ReturnType<typeof perFileIgnores>;
}

interface Analysis {
  version: number;
  diagnostics: Diagnostic[];
  frontEnd?: FrontEnd;
}

export interface ServerOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export function startServer(opts: ServerOptions = {}): Connection {
  const connection = createConnection(new StreamMessageReader(opts.input ?? process.stdin), new StreamMessageWriter(opts.output ?? process.stdout));
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  /**
   * Settings per folder (the nearest settings file above it, config.ts), with what is built from them once:
   * the rule context (its console-script knowledge reads the project venvs' entry points), the
   * exclusion matcher and the per-file ignores. Dropped when a settings file is saved.
   */
  const configs = new Map<string, Settings | Error>();
  const reportedConfigErrors = new Set<string>();

  const settingsFor = (dir: string): Settings | Error => {
    let c = configs.get(dir);
    if (!c) {
      try {
        const cfg = loadConfig({ start: dir });
        c = {
          cfg,
          ctx: contextFromSettings(buildSettings(cfg, { noPrefilter: true })),
          excluded: patternMatcher([...cfg.exclude, ...cfg.extendExclude]),
          ignoresFor: perFileIgnores(cfg),
        };
      } catch (e) {
        c = e as Error;
      }
      configs.set(dir, c);
    }
    return c;
  };

  /** The findings for a document's current text, as `check` would report them. */
  const analyse = async (doc: TextDocument): Promise<Analysis> => {
    // Cheap once loaded; rebuilds the parsers if an earlier text trapped them.
    await loadParsers();
    const file = documentPath(doc);
    const s = settingsFor(path.dirname(path.resolve(file)));
    if (s instanceof Error) {
      if (!reportedConfigErrors.has(s.message)) {
        reportedConfigErrors.add(s.message);
        void connection.window.showErrorMessage(`venvguard: ${s.message}`);
      }
      return { version: doc.version, diagnostics: [] };
    }
    const rel = path.relative(s.cfg.root, path.resolve(file)).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && s.excluded.ignores(rel)) return { version: doc.version, diagnostics: [] };
    const text = doc.getText();
    // A format venvguard reads, by name or first line; Python also when the editor says so.
    const fe = claimingFrontEnd(file, headOf(file, text)) ?? (doc.languageId === 'python' ? frontEndByLanguage('python') : undefined);
    if (!fe) return { version: doc.version, diagnostics: [] };
    const dropped = s.ignoresFor(file);
    const { diagnostics } = checkSource(new SourceFile(file, text), s.ctx, fe);
    return { version: doc.version, diagnostics: diagnostics.filter((d) => !dropped.has(d.code)), frontEnd: fe };
  };

  const current = async (doc: TextDocument): Promise<Analysis> => {
    const a = analyses.get(doc.uri);
    if (a && a.version === doc.version) return a;
    const fresh = await analyse(doc);
    analyses.set(doc.uri, fresh);
    return fresh;
  };

  const publish = async (doc: TextDocument) => {
    const a = await current(doc);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: a.diagnostics.map((d) => toLsp(d, doc.uri)) });
  };

  const schedule = (doc: TextDocument, delay: number) => {
    clearTimeout(timers.get(doc.uri));
    if (delay === 0) {
      timers.delete(doc.uri);
      void publish(doc);
      return;
    }
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const latest = documents.get(doc.uri);
        if (latest) void publish(latest);
      }, delay),
    );
  };

  connection.onInitialize(async () => {
    await loadParsers();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'venvguard' },
    };
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => {
    if (e.document.version > 1 || analyses.has(e.document.uri)) schedule(e.document, DEBOUNCE_MS);
  });
  documents.onDidSave((e) => {
    if ((SETTINGS_FILES as readonly string[]).includes(path.basename(documentPath(e.document)))) {
      // New settings: every open document is checked again with them.
      configs.clear();
      reportedConfigErrors.clear();
      analyses.clear();
      for (const d of documents.all()) schedule(d, 0);
    } else schedule(e.document, 0);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    analyses.clear();
    for (const d of documents.all()) schedule(d, 0);
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await current(doc);
    const actions: CodeAction[] = [];
    for (const d of a.diagnostics) {
      if (!overlaps(toRange(d), params.range)) continue;
      const diagnostic = toLsp(d, doc.uri);
      const fix = d.fix;
      if (fix && fix.applicability !== 'display-only' && fix.edits.length) {
        actions.push({
          title: fix.applicability === 'safe' ? fix.title : `${fix.title} (unsafe: ${fix.reason ?? 'review it'})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.applicability === 'safe',
          edit: { changes: { [doc.uri]: fix.edits.map((e) => toTextEdit(doc, e)) } },
        });
      }
      const suppress = await suppression(doc, a, d);
      if (suppress) actions.push({ title: `Suppress ${d.code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.uri]: [suppress] } } });
    }
    return actions;
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const here = (await current(doc)).diagnostics.filter((d) => within(params.position, toRange(d)));
    if (!here.length) return null;
    const parts = here.map((d) => {
      const rule = RULES.find((r) => r.code === d.code);
      return `**${d.code}** \`${d.rule}\`: ${rule?.summary ?? d.message}\n\n[${d.code} ${d.rule}](${ruleHelpUri({ name: d.rule })})`;
    });
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: toRange(here[0]) };
  });

  /**
   * A comment that silences exactly this finding, or nothing: each placement (end of its line, or a
   * comment line above it) is tried on the text, and offered only if the check then no longer
   * reports the finding and reports everything else as before.
   */
  async function suppression(doc: TextDocument, a: Analysis, d: Diagnostic): Promise<TextEdit | undefined> {
    const text = doc.getText();
    const lineStart = doc.offsetAt({ line: d.start.line - 1, character: 0 });
    const nextLine = doc.offsetAt({ line: d.start.line, character: 0 });
    const lineEnd = nextLine > lineStart && text[nextLine - 1] === '\n' ? nextLine - (text[nextLine - 2] === '\r' ? 2 : 1) : nextLine;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^[ \t]*/.exec(line)![0];
    const lead = a.frontEnd && SEMICOLON_COMMENTS.has(a.frontEnd.language) ? ';' : '#';
    const comment = `${lead} venvguard: ignore[${d.code}]`;
    const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
    const candidates: Edit[] = [];
    if (!a.frontEnd || !SEMICOLON_COMMENTS.has(a.frontEnd.language)) candidates.push({ start: lineEnd, end: lineEnd, text: `  ${comment}` });
    candidates.push({ start: lineStart, end: lineStart, text: `${indent}${comment}${eol}` });
    const others = a.diagnostics.filter((o) => o !== d).length;
    for (const c of candidates) {
      const edited = text.slice(0, c.start) + c.text + text.slice(c.end);
      const after = await analyse(TextDocument.create(doc.uri, doc.languageId, doc.version, edited));
      const stillThere = after.diagnostics.some((o) => o.code === d.code && o.span.start === (c.start <= d.span.start ? d.span.start + c.text.length : d.span.start));
      if (!stillThere && after.diagnostics.length === others) return toTextEdit(doc, c);
    }
    return undefined;
  }

  documents.listen(connection);
  connection.listen();
  return connection;
}

function toRange(d: Pick<Diagnostic, 'start' | 'end'>): Range {
  return { start: { line: d.start.line - 1, character: d.start.column - 1 }, end: { line: d.end.line - 1, character: d.end.column - 1 } };
}

function toTextEdit(doc: TextDocument, e: Edit): TextEdit {
  return { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text };
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const overlaps = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);
const within = (p: Range['start'], r: Range) => before(r.start, p) && before(p, r.end);

function toLsp(d: Diagnostic, uri: string): LspDiagnostic {
  return {
    range: toRange(d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    codeDescription: { href: ruleHelpUri({ name: d.rule }) },
    source: 'venvguard',
    message: fullMessage(d),
    relatedInformation: d.related.length
      ? d.related.map((r) => ({ location: { uri, range: toRange(r) }, message: r.message }))
      : undefined,
  };
}
