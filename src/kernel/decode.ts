/**
 * Bytes → SourceFile for every front end, and back for fixes. Configuration files, scripts and
 * YAML are UTF-8 (a BOM allowed); Python adds its PEP 263 coding declaration on top of this
 * (frontends/python/decode.ts). Binary files (NUL bytes) are refused; undecodable bytes are
 * replaced but the file is marked lossy so that no fix ever rewrites it.
 */
import { SourceFile } from './source.js';

export type DecodeResult = { ok: true; file: SourceFile; warning?: string } | { ok: false; kind: 'binary' | 'decode'; message: string };

export interface DecodeOptions {
  /** The codec a declaration in the file names (Python's coding line), normalised; default UTF-8. */
  codec?: string;
  /** The codec as the file spells it, for messages. */
  declared?: string;
  /** What the file was expected to be, for the binary-file message: "Python source", "text". */
  kind?: string;
}

/** Text as UTF-8 (or a declared codec), a UTF-8 BOM allowed. */
export function decodeText(path: string, bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  // NUL bytes: no text format we read allows them (CPython refuses such source too).
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, kind: 'binary', message: `not ${opts.kind ?? 'text'}: NUL byte at offset ${nul} (binary file?)` };
  let bom = false;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  const declared = opts.declared;
  const codec = bom ? 'utf-8' : opts.codec ?? 'utf-8';
  if (bom && opts.codec && opts.codec !== 'utf-8') {
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
export function encodeText(file: SourceFile, text: string): Buffer | undefined {
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
