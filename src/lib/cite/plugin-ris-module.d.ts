/** @citation-js/plugin-ris ships no types; these are the parts plugin-ris.ts imports. */
declare module '@citation-js/plugin-ris/lib/ris.js' {
  type RisRecord = Record<string, string | string[]>;
  export function parse(text: string): RisRecord[];
  export function parseMixed(record: RisRecord): unknown;
  export function parseNew(record: RisRecord): unknown;
  export function parseOld(record: RisRecord): unknown;
  export function format(
    data: unknown[],
    options?: { type?: string; format?: string; spec?: string },
  ): unknown;
}
