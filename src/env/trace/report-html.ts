/**
 * `venvguard run --html FILE`: one self-contained page (inline CSS, no script, nothing fetched)
 * with the escapes first, each with its Python stack, and the process tree drawn as nested lists.
 */
import { pathLabel, type ProcessNode } from './judge.js';
import { resolvedText, shownPath, whereOf, type RunReport } from './report.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#1b1b1b}
code,pre,.cmd{font-family:ui-monospace,Menlo,Consolas,monospace}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
.escape{border-left:4px solid #c62828;background:#fff5f5;padding:.5em 1em;margin:.8em 0}
.code{font-weight:bold;color:#c62828}
ol.stack{margin:.3em 0;padding-left:2em}ol.stack li.callsite{font-weight:bold}
ul.tree,ul.tree ul{list-style:none;padding-left:1.4em;border-left:1px dotted #999;margin:0}
ul.tree{border-left:none;padding-left:0}
ul.tree li{margin:.25em 0}
.node{display:inline-block;padding:.15em .5em;border-radius:4px}
.in{background:#e8f5e9;border:1px solid #66bb6a}.out{background:#ffebee;border:1px solid #e53935}
.tag{font-size:.8em;font-weight:bold;text-transform:uppercase;margin-right:.4em}
.meta{color:#555;font-size:.9em}
`;

function node(n: ProcessNode, cwd: string, depth: number): string {
  if (depth > 64) return '';
  const p = n.record;
  const by = depth === 0 && n.startedBy?.length ? ` <span class="meta">started by <code>${esc(n.startedBy.join(' '))}</code></span>` : '';
  const kids = n.children.length ? `<ul>${n.children.map((c) => node(c, cwd, depth + 1)).join('')}</ul>` : '';
  return (
    `<li><span class="node ${n.inVenv ? 'in' : 'out'}" data-pid="${p.pid}"><span class="tag">${n.inVenv ? 'in venv' : 'outside'}</span>` +
    `<span class="cmd">${esc(p.argv.join(' '))}</span></span> <span class="meta">pid ${p.pid} · ${esc(shownPath(p.executable, cwd))} · Python ${esc(p.version)} · ${p.venv ? `venv ${esc(shownPath(p.venv, cwd))}` : `prefix ${esc(p.prefix)}`}${p.audit ? '' : ' · identity only'}</span>${by}${kids}</li>`
  );
}

export function renderRunHtml(r: RunReport): string {
  const j = r.judgement;
  const escapes = j.escapes
    .map((e) => {
      const stack = e.stack.length
        ? `<ol class="stack">${e.stack.map((f) => `<li${e.callSite === f ? ' class="callsite"' : ''}><code>${esc(shownPath(f.file, r.cwd))}:${f.line}</code> in <code>${esc(f.function)}</code></li>`).join('')}</ol>`
        : '<p class="meta">No Python frame asked for it.</p>';
      return (
        `<section class="escape" data-code="${e.code}"><div><span class="code">${e.code}</span> <code>${esc(whereOf(e, r.cwd))}</code></div>` +
        `<div class="cmd">${esc(e.kind === 'spawn' ? `${e.event} ${e.command}` : e.command)}</div>` +
        `<div>${esc(resolvedText(e))}</div>` +
        (e.path ? `<div class="meta">PATH searched: <code>${esc(pathLabel(e.path))}</code></div>` : '') +
        stack +
        `</section>`
      );
    })
    .join('\n');
  const status = r.signal ? `was killed by ${r.signal}` : `exited with ${r.exitCode}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>venvguard run: ${esc(r.command.join(' '))}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>venvguard run</h1>
<p><code>${esc(r.command.join(' '))}</code> ${esc(status)}. Expected venv: <code>${esc(r.expected.venv)}</code> (${esc(r.expected.why)}).
${j.processes} Python process${j.processes === 1 ? '' : 'es'}, ${j.spawns} spawn${j.spawns === 1 ? '' : 's'} seen.</p>
<h2 id="escapes">${j.escapes.length ? `${j.escapes.length} escape${j.escapes.length === 1 ? '' : 's'}` : 'No escapes'}</h2>
${escapes}
<h2 id="tree">Python processes</h2>
${j.roots.length ? `<ul class="tree">${j.roots.map((n) => node(n, r.cwd, 0)).join('')}</ul>` : '<p>No Python process reported itself.</p>'}
${j.identityOnly.length ? `<p class="meta">Identity only (no audit hooks before Python 3.8): ${j.identityOnly.map((p) => `${p.pid} (Python ${esc(p.version)})`).join(', ')}</p>` : ''}
${r.notWatched.map((w) => `<p class="meta">Not watched: ${esc(w)}</p>`).join('\n')}
</body></html>
`;
}
