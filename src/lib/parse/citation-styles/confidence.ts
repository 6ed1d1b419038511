import type { CslName } from '../../schema/csl.ts';
import { looksCorporate } from '../parse-names.ts';
import type { ParsedCitation } from './draft.ts';

/**
 * How far a reading can be trusted, from signals of the parse itself: fields the grammar
 * expects but did not find, text left over, names and titles of a shape no real one has.
 * Any hard doubt means the reference is shown as printed (`custom.shownVerbatim`); soft doubts
 * only lower the confidence.
 */
export interface Assessment {
  confidence: number;
  doubts: string[];
  shownVerbatim: boolean;
}

// A particle may start a family name in lower case ("van der Berg", "de la Cruz", "d'Alembert").
const PARTICLE =
  /^(?:van|von|de|del|della|der|den|di|da|das|dos|du|la|le|ten|ter|el|al|bin|ibn|d'|d’|o'|o’)\b/;

function nameDoubt(name: CslName): string | undefined {
  if (name.literal !== undefined) {
    const words = name.literal.split(/\s+/).length;
    // "Consortium, T": an inverted name the name reader could not take apart.
    if (/,\s*\p{Lu}\.?$/u.test(name.literal)) return `author "${name.literal}" does not read as a name`;
    if (looksCorporate(name.literal)) return undefined;
    if (words >= 4 || /\d|\.\s|\(|,\s*\p{Lu}\.?$/u.test(name.literal))
      return `author "${name.literal}" does not read as a name`;
    return undefined;
  }
  const family = name.family ?? '';
  if (/\d/.test(family)) return `author family name "${family}" has digits`;
  if (/^\p{Ll}/u.test(family) && !PARTICLE.test(family))
    return `author family name "${family}" starts in lower case`;
  if (family.split(/\s+/).length > 4) return `author family name "${family}" is too long`;
  return undefined;
}

const YEAR = /(?<!\d)(?:1[6-9]|20)\d\d(?!\d)/;

function hardDoubts(parsed: ParsedCitation, family: string, text: string): string[] {
  const { item, warnings } = parsed;
  const doubts: string[] = [];
  for (const w of warnings) {
    if (w.startsWith('unparsed tail') || w.startsWith('parser failed') || w.startsWith('input longer'))
      doubts.push(w);
  }
  if (!item.title && family !== 'medline') doubts.push('no title');
  if (!item.issued && YEAR.test(text)) doubts.push('a year is printed but none was read');
  if (item.type === 'article-journal' && !item['container-title']) doubts.push('no journal');
  for (const name of [...(item.author ?? []), ...(item.editor ?? [])]) {
    const doubt = nameDoubt(name);
    if (doubt) {
      doubts.push(doubt);
      break;
    }
  }
  const title = item.title ?? '';
  if (title !== '' && (!/\p{L}{2}/u.test(title) || /^[;:,)\]]/.test(title)))
    doubts.push(`title "${title}" has no words`);
  if (/^(?:\p{Lu}\.\s*)+[,&]|^(?:and|&)\s|^(?:\p{Lu}[\p{L}'’-]+\s+\p{L}{1,3}\.?,\s+){2}/u.test(title)) {
    doubts.push('the title starts like a list of names');
  }
  if (/\(\s*(?:1[6-9]|20)\d\d[a-z]?\s*\)/.test(title)) doubts.push('the title holds a year in parentheses');
  if (/^\(?(?:1[6-9]|20)\d\d[a-z]?\)?[.,]?\s/.test(title)) doubts.push('the title starts with a year');
  const container = item['container-title'] ?? '';
  if (container !== '' && (/^[\d\s\W]+$/.test(container) || /\d{4}\s*;|^null$|\s\d+$/i.test(container))) {
    doubts.push(`journal "${container}" does not read as a journal`);
  }
  for (const field of ['publisher', 'publisher-place'] as const) {
    const value = item[field];
    if (
      value !== undefined &&
      (/^null$/i.test(value) || /\d{2,}|^[\d\s\W]+$/.test(value) || YEAR.test(value))
    ) {
      doubts.push(`${field} "${value}" does not read as one`);
    }
  }
  return doubts;
}

export function assess(parsed: ParsedCitation, family: string, text: string): Assessment {
  const doubts = hardDoubts(parsed, family, text);
  const { item } = parsed;
  let soft = 0;
  if (!item.author?.length && !item.editor?.length && family !== 'medline') soft += 1;
  if (item.type === 'document') soft += 1;
  const confidence = Math.max(0, Math.min(1, 1 - 0.3 * doubts.length - 0.1 * soft));
  return { confidence: Math.round(confidence * 100) / 100, doubts, shownVerbatim: doubts.length > 0 };
}
