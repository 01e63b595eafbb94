/**
 * Bytes → SourceFile for Python, as CPython decodes them: a UTF-8 BOM, else a PEP 263 coding
 * declaration on line 1 or 2, else UTF-8. Binary files (NUL bytes) are refused; undecodable
 * bytes are replaced but the file is marked lossy so no fix ever rewrites it.
 */
import { isUtf8 } from 'node:buffer';
import { SourceFile } from '../../core/source.js';

export type DecodeResult = { ok: true; file: SourceFile; warning?: string } | { ok: false; kind: 'binary' | 'decode'; message: string };

const CODING_RE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** Python codec names → how Node decodes them (Buffer encodings or WHATWG TextDecoder labels). */
function normaliseCodec(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8' || n.startsWith('utf-8-') || n === 'u8') return 'utf-8';
  if (['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'cp819', '8859', 'iso-ir-100'].includes(n)) return 'latin-1';
  if (n === 'ascii' || n === 'us-ascii' || n === '646') return 'ascii';
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

/** Text that is not Python (Dockerfiles, YAML, shell): UTF-8, a BOM allowed, no coding declaration. */
export function decodeUtf8Text(path: string, bytes: Uint8Array): DecodeResult {
  return decodePython(path, bytes, { pep263: false });
}

export function decodePython(path: string, bytes: Uint8Array, opts: { pep263?: boolean } = {}): DecodeResult {
  // NUL bytes: CPython refuses such source ("source code cannot contain null bytes").
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, kind: 'binary', message: `not Python source: NUL byte at offset ${nul} (binary file?)` };
  }
  let bom = false;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  const declared = opts.pep263 === false ? undefined : codingDeclaration(body);
  const codec = bom ? 'utf-8' : normaliseCodec(declared ?? 'utf-8');
  if (bom && declared && normaliseCodec(declared) !== 'utf-8') {
    return { ok: false, kind: 'decode', message: `BOM says UTF-8 but the coding line says '${declared}'` };
  }
  if (codec === 'utf-8' || codec === 'ascii') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      return { ok: true, file: new SourceFile(path, text, { name: codec, bom, lossless: true }) };
    } catch {
      const bad = firstInvalidUtf8(body) + (bom ? 3 : 0); // an offset into the file, BOM included
      const text = new TextDecoder('utf-8').decode(body);
      return {
        ok: true,
        file: new SourceFile(path, text, { name: codec, bom, lossless: false }),
        warning: `invalid UTF-8 at byte ${bad}; checked with replacement characters and never rewritten`,
      };
    }
  }
  if (codec === 'latin-1') {
    return { ok: true, file: new SourceFile(path, Buffer.from(body).toString('latin1'), { name: codec, bom, lossless: true }) };
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(codec, { fatal: true });
  } catch {
    return { ok: false, kind: 'decode', message: `unknown source encoding '${declared}' in the coding declaration` };
  }
  try {
    // Other codecs decode fine but cannot be encoded back by Node: check, never fix.
    return { ok: true, file: new SourceFile(path, decoder.decode(body), { name: codec, bom, lossless: false }) };
  } catch {
    return { ok: false, kind: 'decode', message: `bytes are not valid '${declared}' as the coding declaration says` };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return -1;
}

/** Encode text back to bytes with the file's encoding; undefined when that cannot be done faithfully. */
export function encodePython(file: SourceFile, text: string): Buffer | undefined {
  if (!file.encoding.lossless) return undefined;
  let body: Buffer;
  if (file.encoding.name === 'utf-8') body = Buffer.from(text, 'utf8');
  else if (file.encoding.name === 'ascii') {
    if (/[^\x00-\x7f]/.test(text)) return undefined;
    body = Buffer.from(text, 'latin1');
  } else if (file.encoding.name === 'latin-1') {
    if (/[^\x00-\xff]/.test(text)) return undefined;
    body = Buffer.from(text, 'latin1');
  } else return undefined;
  return file.encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
