/**
 * What the Python front end asks of the project's other modules (implemented by project-modules.ts,
 * which parses them with this front end's evaluator: the evaluator, the launch finder and the
 * prefilter see only this interface).
 */
import type { Span } from '../../kernel/source.js';
import type { Word } from '../../kernel/word.js';
import type { ApiSpec } from './launch-apis.js';
import type { Value } from './values.js';

/** A helper function of another module: the launch API it hands its parameter to, as a spec for its callers. */
export interface Helper {
  spec: ApiSpec;
  /** Parameters other than the command (a caller passing one named like an environment is not judged). */
  others: string[];
  /** The launch API inside it (`subprocess.run`, `os.system`). */
  api: string;
  file: string;
  line: number;
}

/** Where another module sets a name. */
export interface Origin {
  name: string;
  file: string;
  offset: number;
  line: number;
  column: number;
}

export interface OtherModules {
  /** The value a name imported from another module of the project has there, placed at `span` of the importing file. */
  constant(fromFile: string, q: string, span: Span, depth: number): Value | undefined;
  /** Where a program word of the importing file was set, when it came from another module. */
  originOf(word: Word | undefined, call: Span): Origin | undefined;
  /** The helper a call's qualified name names, if it is one. */
  helper(fromFile: string, q: string): Helper | undefined;
  /** Whether a qualified name may name a helper (lexical). */
  mayBeHelper(fromFile: string, q: string): boolean;
  /** The helper names of a module the file imports whole. */
  helperNamesOfModule(fromFile: string, q: string): string[];
  /** Whether a file's text (or its undecoded bytes read as Latin-1) may import a module of the project (lexical). */
  mayImportProject(text: string): boolean;
  /** Whether the file calls a helper of a module it imports (lexical). */
  callsHelper(fromFile: string, text: string): boolean;
  /** Whether the file uses a name a module it imports sets to a tool's name (lexical). */
  usesToolConstant(fromFile: string, text: string, tools: RegExp): boolean;
  /** Frees what was parsed for one importing file. */
  release(): void;
}
