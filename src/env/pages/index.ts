/** Every doctor code's page, by code (the sources are grouped by what the doctor looks at). */
import type { FindingDocs } from '../finding.js';
import { FILE_PAGES } from './files.js';
import { SITE_PAGES } from './site.js';
import { START_PAGES } from './start.js';
import { VARIABLE_PAGES } from './variables.js';

export const CODE_PAGES: Record<string, FindingDocs> = Object.fromEntries(
  Object.entries({ ...FILE_PAGES, ...SITE_PAGES, ...VARIABLE_PAGES, ...START_PAGES }).sort(([a], [b]) => a.localeCompare(b)),
);
