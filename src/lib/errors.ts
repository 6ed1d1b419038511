/**
 * An input that Lectern cannot use, with enough detail for the user to fix it:
 * which file, which line (1-based) or element, and what was expected there.
 */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly expected: string;

  constructor(file: string, line: number | undefined, expected: string, found?: string) {
    const where = line === undefined ? file : `${file}:${line}`;
    const got = found === undefined ? '' : ` (found: ${JSON.stringify(truncate(found, 80))})`;
    super(`${where}: expected ${expected}${got}`);
    this.name = 'SourceError';
    this.file = file;
    this.line = line;
    this.expected = expected;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
