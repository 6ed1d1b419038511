import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSummary, summarize } from '../../src/lib/ingest-summary.ts';
import { parsePubmedText } from '../../src/lib/parse/pubmed-text/parse-pubmed-text.ts';
import { buildReport, formatReport } from '../../src/lib/resolve/report.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';

/**
 * A reference the reader cannot read with confidence is marked `custom.shownVerbatim`, keeps
 * what was read and its verbatim string, validates as CSL-JSON, and is listed (number, line,
 * why) in report.json and the printed summary.
 */
// The seed page with one more reference that runs into the next one, as copies sometimes do.
const SEED = readFileSync(
  new URL('../../content/sources/bournazou-2013-jakstat.pubmed.txt', import.meta.url),
  'utf8',
);
const PAGE = `${SEED.trimEnd()}\n    1. Schröder M, Baran M. Viral targeting of DDX3. EMBO J. 2008;27:2147-57. Soulat D, et al. DDX3. J Mol Biol. 2008. - PubMed\n`;
const LINE = SEED.trimEnd().split('\n').length + 1;

describe('references shown verbatim', () => {
  it('are marked, keep their fields, validate, and are listed with number, line and why', () => {
    const parsed = parsePubmedText(PAGE, 'sources/page.txt');
    const refs = parsed.review.references;
    const clean = refs[1];
    const doubtful = refs.at(-1);
    const number = refs.length;
    expect(clean?.custom?.shownVerbatim).toBeUndefined();
    expect(doubtful?.custom?.shownVerbatim).toBe(true);
    expect(doubtful?.custom?.verbatim).toContain('Soulat D');
    expect(doubtful?.['container-title']).toBe('EMBO J');
    expect(cslProblems(parsed.review.references)).toEqual([]);

    const report = buildReport(parsed.review, [], parsed.incomplete);
    expect(report.shownVerbatim).toEqual([
      {
        id: doubtful?.id,
        number,
        line: LINE,
        why: [expect.stringMatching(/^unparsed tail: Soulat D/)],
        text: doubtful?.custom?.verbatim,
      },
    ]);
    expect(formatReport(report)).toContain(
      `Shown as printed, not read with confidence (1):\n  - [${number}] line ${LINE}: unparsed tail`,
    );
    const summary = formatSummary(summarize(parsed.review, parsed.incomplete));
    expect(summary).toContain('shown as printed  1');
    expect(summary).toContain(`[${number}] line ${LINE} (shown as printed): unparsed tail: Soulat D`);
  });
});
