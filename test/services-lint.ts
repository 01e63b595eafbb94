/** Helpers for the script and service front-end tests: sites by argv prefix, word positions, facts. */
import assert from 'node:assert/strict';
import type { LaunchSite } from '../src/core/launch-site.js';
import { wordSourceSpan, wordText } from '../src/core/word.js';

export { applyEdits, configLinter, type Found } from './config-lint.js';

export const argvText = (s: LaunchSite) => s.argv.map((w) => wordText(w) ?? '?').join(' ');

export function siteAt(sites: LaunchSite[], prefix: string, nth = 0): LaunchSite {
  const s = sites.filter((x) => argvText(x).startsWith(prefix))[nth];
  assert.ok(s, `no site starting with ${prefix}: ${sites.map(argvText).join(' | ')}`);
  return s;
}

/** 1-based line:column of each word of a site. */
export function positions(site: LaunchSite): string[] {
  return site.argv.map((w) => {
    const span = wordSourceSpan(w);
    if (!span) return '?';
    const l = site.file.location(span.start);
    return `${l.line}:${l.column}`;
  });
}
