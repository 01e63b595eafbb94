/**
 * Bytes → SourceFile for Python, as CPython decodes them: a UTF-8 BOM, else a PEP 263 coding
 * declaration on line 1 or 2, else UTF-8 (the decoding itself is kernel/decode.ts's).
 */
import { isUtf8 } from 'node:buffer';
import { decodeText, type DecodeResult } from '../../kernel/decode.js';

const CODING_RE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** Python codec names → how Node decodes them (Buffer encodings or WHATWG TextDecoder labels). */
function normaliseCodec(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  // CPython's own aliases (encodings/aliases.py): `# -*- coding: utf -*-` is UTF-8 (flaskbb).
  if (n === 'utf8' || n === 'utf-8' || n.startsWith('utf-8-') || ['u8', 'utf', 'utf8-ucs2', 'utf8-ucs4', 'cp65001'].includes(n)) return 'utf-8';
  if (['latin-1', 'latin1', 'latin', 'iso-8859-1', 'iso8859-1', 'iso8859', 'iso-8859-1-1987', 'l1', 'cp819', 'ibm819', 'csisolatin1', '8859', 'iso-ir-100'].includes(n)) return 'latin-1';
  if (['ascii', 'us-ascii', 'us', '646', 'cp367', 'ibm367', 'csascii', 'iso646-us', 'iso-ir-6', 'ansi-x3.4-1968', 'ansi-x3-4-1968', 'ansi-x3.4-1986', 'iso-646.irv-1991'].includes(n)) return 'ascii';
  return n;
}

function codingDeclaration(bytes: Uint8Array): string | undefined {
  // Only lines 1 and 2, and line 2 only if line 1 is a comment or blank (PEP 263 / tokenizer rule).
  const head = Buffer.from(bytes.subarray(0, 400)).toString('latin1');
  const lines = head.split(/\r\n|\r|\n/, 2);
  const m1 = CODING_RE.exec(lines[0] ?? '');
  if (m1) return m1[1];
  if (lines.length > 1 && /^[ \t\f]*(#.*)?$/.test(lines[0] ?? '')) {
    const m2 = CODING_RE.exec(lines[1] ?? '');
    if (m2) return m2[1];
  }
  return undefined;
}

/**
 * Whether decodePython would decode these bytes as UTF-8 (or ASCII) or Latin-1 with no problem to
 * report (no NUL byte, no invalid UTF-8, no BOM/coding conflict). Only then may a caller test the
 * raw bytes instead of the text (see pythonMayMatterBytes), skipping the decoding.
 */
export function decodesCleanly(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return false;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = codingDeclaration(body);
  const codec = normaliseCodec(declared ?? 'utf-8');
  if (bom) return codec === 'utf-8' && isUtf8(body);
  if (codec === 'latin-1') return true;
  return (codec === 'utf-8' || codec === 'ascii') && isUtf8(body);
}

export function decodePython(path: string, bytes: Uint8Array): DecodeResult {
  const declared = codingDeclaration(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
  return decodeText(path, bytes, { codec: declared === undefined ? undefined : normaliseCodec(declared), declared, kind: 'Python source' });
}
