import type { CslDate } from '../schema/csl.ts';
import { parseLooseDate } from './parse-date.ts';
import { blank, type Work } from './work-text.ts';

/**
 * What PubMed and authors print around a reference that is not part of it: linked notices
 * ("Erratum in: …"), access dates, Epub notes, "[Internet]".
 */

/** Notes PubMed appends after a reference that carry no bibliographic data. */
export const TRAILER =
  /^(?:Review|English|Editorial|Letter|Comment|News|Case Reports?|Published Erratum|In press|\[[^\]]*\]|(?:English|French|German|Spanish|Chinese|Japanese|Italian|Russian|Portuguese|Dutch|Polish)(?:,\s*\w+)*)$/i;

export function stripNoise(work: Work): { accessed?: CslDate; internet: boolean } {
  const out: { accessed?: CslDate; internet: boolean } = { internet: false };
  // Everything after "Erratum in:" and its kin describes another article, with its own date.
  const linked =
    /\b(?:Erratum|Comment|Retraction|Retracted|Update|Expression of concern|Summary for patients|Corrected and republished|Republished)\s+(?:in|of|to|from)\s*:/i.exec(
      work.plain,
    );
  if (linked) {
    // PubMed prints the reference's own PMID/PMCID after such notices; keep those readable.
    const ids = /\bPMC?ID\s*:/i.exec(work.plain.slice(linked.index));
    blank(work, linked.index, ids ? linked.index + ids.index : work.plain.length);
  }
  const accessed =
    /[([]\s*(?:last\s+)?(?:accessed|cited|viewed)(?:\s+on)?\s*:?\s*([^)\]]{1,60})[)\]]/i.exec(work.plain) ??
    /\b(?:last\s+)?accessed(?:\s+on)?\s*:?\s*((?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{4}(?:-\d{1,2}){0,2}|\d{4}\s+[A-Za-z]{3,9}\s+\d{1,2})/i.exec(
      work.plain,
    );
  if (accessed?.[1]) {
    const date = parseLooseDate(accessed[1]);
    if (date) out.accessed = date;
    blank(work, accessed.index, accessed.index + accessed[0].length);
  }
  const noise = [
    /\[?Epub ahead of print\]?\.?/gi,
    /\beCollection\s+\d{4}(?:\s+[A-Za-z]{3,9}\.?)?(?:\s+\d{1,2}(?!\d))?\.?/gi,
    /\bEpub\s*:?\s*\d{4}(?:\s+[A-Za-z]{3,9}\.?)?(?:\s+\d{1,2}(?!\d))?\.?/gi,
    /\[(?:updated|Article in|cited)[^\]]{0,60}\]/gi,
    /\[Internet\]/gi,
  ];
  for (const pattern of noise) {
    for (let m = pattern.exec(work.plain); m; m = pattern.exec(work.plain)) {
      if (/internet/i.test(m[0])) out.internet = true;
      blank(work, m.index, m.index + m[0].length);
      if (m[0].length === 0) pattern.lastIndex += 1;
    }
  }
  return out;
}
