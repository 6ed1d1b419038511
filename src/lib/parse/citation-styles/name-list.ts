import type { CslName } from '../../schema/csl.ts';
import { looksCorporate, spellInitials } from '../parse-names.ts';

/**
 * Author lists as author–year styles print them: "Azcarate-Peril, M. A., Tallon, R., &
 * Klaenhammer, T. R." (APA, Cell, Nature), "Harjes P. and Wanker E. E." (Harvard), "Beaulieu,
 * J. M., D. Jhwueng, and B. C. O'Meara" (Evolution, Chicago), "Couzin ID, Krause J" (PLOS).
 */
export interface NameList {
  names: CslName[];
  truncated: boolean;
}

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]+`;
const PARTICLE = String.raw`(?:van|von|de|del|della|der|den|di|da|du|la|le|ten|ter|dos|das|d'|d’)`;
const FAMILY = String.raw`(?:${PARTICLE}\s+){0,3}(?:${WORD}|${PARTICLE}${WORD})(?:\s+(?:${PARTICLE}\s+)?${WORD}){0,2}`;
// "M. A.", "B.-K.", "J.M.", "Ch.", or NLM's "MA".
const DOTTED = String.raw`(?:\p{Lu}\p{Ll}?\.\s?-?\s?){1,4}`;
const RUN = String.raw`\p{Lu}{1,4}`;
const SUFFIX = String.raw`(?:Jr\.?|Sr\.?|II|III|IV)`;

const INITIALS_ONLY = new RegExp(String.raw`^(?:${DOTTED}|${RUN})$`, 'u');
const FAMILY_INITIALS = new RegExp(String.raw`^(${FAMILY})\s+(${DOTTED}|${RUN}\.?)(?:\s+(${SUFFIX}))?$`, 'u');
const INITIALS_FAMILY = new RegExp(String.raw`^(${DOTTED})\s*(${FAMILY})$`, 'u');
const FAMILY_ONLY = new RegExp(String.raw`^${FAMILY}$`, 'u');
// A full given name after an inverted family ("Beaulieu, Jeremy M.").
const GIVEN = new RegExp(String.raw`^\p{Lu}\p{Ll}+(?:[\s-]+(?:\p{Lu}\.|\p{Lu}\p{Ll}+))*\.?$`, 'u');

function given(initials: string): string {
  const bare = initials.trim();
  return /^\p{Lu}{1,4}\.?$/u.test(bare)
    ? spellInitials(bare.replace(/\.$/, ''))
    : bare.replace(/\s*-\s*/g, '-').replace(/\.(?=\p{Lu})/gu, '. ');
}

/**
 * Reads the names, or undefined when any part is not a name (the text is then not a name list).
 * `inverted` (the first name printed family first, then its initials after a comma) is learnt
 * from the list itself.
 */
export function readNameList(printed: string): NameList | undefined {
  // A cheap refusal first: this runs on candidate prefixes of every entry, and a title's
  // lower-case words ("of the role of …") never occur in a list of names.
  if (LOWER_WORDS.test(printed)) return undefined;
  let text = printed
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;])/g, '$1')
    .trim()
    .replace(/[.,;:]+$/, (m) => (m.startsWith('.') ? '.' : ''));
  let truncated = false;
  const etAl = /,?\s*(?:et al\.?|and others)$/i.exec(text);
  if (etAl) {
    truncated = true;
    text = text.slice(0, etAl.index);
  }
  if (/…|\.\.\./.test(text)) truncated = true;
  const parts = text
    .replace(/…|\.\.\./g, ',')
    .replace(/\s*(?:,\s*)?(?:&|\band\b)\s*/g, ', ')
    .split(/\s*[,;]\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const names: CslName[] = [];
  let open: CslName | undefined; // a family still waiting for its initials
  for (const raw of parts) {
    // The list's closing period belongs to the last name unless that ends in an initial.
    const part = /\p{L}{2}\.$/u.test(raw) ? raw.slice(0, -1) : raw;
    if (open && (INITIALS_ONLY.test(part) || GIVEN.test(part))) {
      open.given = given(part);
      open = undefined;
      continue;
    }
    if (SUFFIX_ONLY.test(part) && names.length > 0) {
      const last = names.at(-1);
      if (last) last.suffix = part;
      continue;
    }
    const fi = FAMILY_INITIALS.exec(part);
    if (fi?.[1] && fi[2]) {
      const name: CslName = { family: fi[1], given: given(fi[2]) };
      if (fi[3]) name.suffix = fi[3];
      names.push(name);
      open = undefined;
      continue;
    }
    const ifam = INITIALS_FAMILY.exec(part);
    if (ifam?.[1] && ifam[2]) {
      names.push({ family: ifam[2], given: given(ifam[1]) });
      open = undefined;
      continue;
    }
    if (FAMILY_ONLY.test(part) && part.length <= 40) {
      open = { family: part };
      names.push(open);
      continue;
    }
    if (looksCorporate(part) && part.length <= 120) {
      names.push({ literal: part });
      open = undefined;
      continue;
    }
    return undefined;
  }
  // Bare capitalised words alone ("Clin Nephrol") are as likely a journal as a list of surnames.
  if (!names.some((n) => n.given !== undefined || n.literal !== undefined)) return undefined;
  return { names, truncated };
}

const LOWER_WORDS = /\s(?!others\b|and\b)\p{Ll}{4,}[\s,.].*\s(?!others\b|and\b)\p{Ll}{4,}[\s,.]/u;
const SUFFIX_ONLY = new RegExp(String.raw`^${SUFFIX}$`, 'u');
