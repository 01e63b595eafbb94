/**
 * `venvguard lsp --stdio`, spoken to over JSON-RPC as an editor does: the real server process, the
 * LSP base protocol (Content-Length framing) written here, one message at a time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, tempDir } from './helpers.js';

interface Message {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: { message: string };
}

class Client {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private waiting: Array<{ match: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  readonly received: Message[] = [];
  constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      for (;;) {
        const headerEnd = this.buf.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, headerEnd).toString('ascii'))![1]);
        if (this.buf.length < headerEnd + 4 + length) return;
        const msg = JSON.parse(this.buf.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
        this.buf = this.buf.subarray(headerEnd + 4 + length);
        this.received.push(msg);
        const w = this.waiting.findIndex((x) => x.match(msg));
        if (w >= 0) this.waiting.splice(w, 1)[0].resolve(msg);
      }
    });
  }
  private write(m: object) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }
  next(match: (m: Message) => boolean, ms = 20_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(this.received.map((m) => m.method ?? m.id))}`)), ms);
      this.waiting.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }
  async request(method: string, params: object): Promise<any> {
    const id = this.nextId++;
    const reply = this.next((m) => m.id === id && m.method === undefined);
    this.write({ id, method, params });
    const r = await reply;
    if (r.error) throw new Error(r.error.message);
    return r.result;
  }
  notify(method: string, params: object) {
    this.write({ method, params });
  }
  /** The next diagnostics published for `uri` (at `version`, when given). */
  diagnostics(uri: string, version?: number): Promise<any[]> {
    return this.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version)).then((m) => m.params.diagnostics);
  }
}

async function server(root: string): Promise<Client> {
  const proc = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const client = new Client(proc);
  const init = await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'demo' }] });
  assert.ok(init.capabilities.codeActionProvider);
  assert.equal(init.capabilities.hoverProvider, true);
  client.notify('initialized', {});
  return client;
}

function stop(c: Client) {
  c.proc.stdin.end();
  c.proc.kill();
}

/** Apply LSP TextEdits (line/character, UTF-16) to a text. */
function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

test('a Python file: exact range, a preferred sys.executable fix, hover, and the diagnostic clears once fixed', async () => {
  const root = fs.realpathSync(tempDir('venvguard-lsp-'));
  const uri = pathToFileURL(path.join(root, 'jobs.py')).href;
  const text = 'import subprocess\n\n\ndef run():\n    subprocess.run(["python", "job.py"])\n';
  const c = await server(root);
  try {
    const published = c.diagnostics(uri, 1);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const [d, ...rest] = await published;
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'VG101');
    assert.equal(d.source, 'venvguard');
    assert.deepEqual(d.range, { start: { line: 4, character: 20 }, end: { line: 4, character: 28 } });
    assert.equal(text.split('\n')[4].slice(20, 28), '"python"');

    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a: { isPreferred?: boolean }) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    const fixed = applyEdits(text, fix.edit.changes[uri]);
    assert.match(fixed, /subprocess\.run\(\[sys\.executable, "job\.py"\]\)/);
    assert.match(fixed, /^import sys$/m);

    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 22 } });
    assert.match(hover.contents.value, /VG101/);
    assert.match(hover.contents.value, /docs\/rules\/bare-python-interpreter\.md/);

    const cleared = c.diagnostics(uri, 2);
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual(await cleared, []);
  } finally {
    stop(c);
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a Dockerfile, a verified suppression action, settings from the nearest pyproject.toml, and files it does not read', async () => {
  const root = fs.realpathSync(tempDir('venvguard-lsp-'));
  fs.mkdirSync(path.join(root, 'legacy'));
  fs.writeFileSync(path.join(root, 'legacy', 'pyproject.toml'), '[tool.venvguard]\nignore = ["VG101"]\n');
  const docker = pathToFileURL(path.join(root, 'Dockerfile')).href;
  const dockerText = 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN pip install flask\n';
  const c = await server(root);
  try {
    const published = c.diagnostics(docker, 1);
    c.notify('textDocument/didOpen', { textDocument: { uri: docker, languageId: 'dockerfile', version: 1, text: dockerText } });
    const [d] = await published;
    assert.equal(d.code, 'VG201');
    assert.equal(d.range.start.line, 2);
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: docker }, range: d.range, context: { diagnostics: [d] } });
    const suppress = actions.find((a: { title: string }) => a.title === 'Suppress VG201 on this line');
    assert.ok(suppress, JSON.stringify(actions.map((a: { title: string }) => a.title)));
    const suppressed = applyEdits(dockerText, suppress.edit.changes[docker]);
    const after = c.diagnostics(docker, 2);
    c.notify('textDocument/didChange', { textDocument: { uri: docker, version: 2 }, contentChanges: [{ text: suppressed }] });
    assert.deepEqual(await after, []);

    // legacy/pyproject.toml ignores VG101: a file below it gets no VG101, one outside does.
    const py = 'import os\nos.system("python a.py")\n';
    const inLegacy = pathToFileURL(path.join(root, 'legacy', 'a.py')).href;
    const outside = pathToFileURL(path.join(root, 'a.py')).href;
    const p1 = c.diagnostics(inLegacy, 1);
    const p2 = c.diagnostics(outside, 1);
    c.notify('textDocument/didOpen', { textDocument: { uri: inLegacy, languageId: 'python', version: 1, text: py } });
    c.notify('textDocument/didOpen', { textDocument: { uri: outside, languageId: 'python', version: 1, text: py } });
    assert.deepEqual(await p1, []);
    assert.deepEqual((await p2).map((x: { code: string }) => x.code), ['VG101']);

    // A JavaScript file is not read as Python (it would be a syntax error or a false finding).
    const js = pathToFileURL(path.join(root, 'server.js')).href;
    const p3 = c.diagnostics(js, 1);
    c.notify('textDocument/didOpen', { textDocument: { uri: js, languageId: 'javascript', version: 1, text: 'import subprocess\nsubprocess.run(["pip", "install"])\n' } });
    assert.deepEqual(await p3, []);
  } finally {
    stop(c);
    fs.rmSync(root, { recursive: true, force: true });
  }
});
