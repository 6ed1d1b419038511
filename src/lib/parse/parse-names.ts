import type { CslName } from '../schema/csl.ts';

/**
 * Author and editor lists as NLM prints them: "Family INITIALS" separated by commas, group
 * authors as plain names, semicolons between groups, "et al." for names left out, ", editors."
 * for editors.
 */

export interface ParsedNames {
  names: CslName[];
  /** "et al." was printed: the source listed more names than it shows. */
  truncated: boolean;
  /** The list ended in ", editor(s)" or "(eds)". */
  editors: boolean;
}

const SUFFIX = /^(?:Jr|Sr|2nd|3rd|4th|5th|II|III|IV|V)\.?$/;

// Surname words start with a letter (any script) and may carry particles in lower case
// ("van der Berg"), apostrophes ("D'Lugoff") and hyphens ("Perez-Stable").
const FAMILY = String.raw`\p{L}[\p{L}\p{M}'’.-]*(?:\s+\p{L}[\p{L}\p{M}'’.-]*){0,4}`;
const INITIALS = String.raw`[A-Z](?:-?[A-Z]){0,3}`;
const SUFFIX_WORD = String.raw`(Jr|Sr|2nd|3rd|4th|5th|II|III|IV)\.?`;
// "Roe C III": a roman numeral after initials is a suffix, though "III" could pass as initials.
const SUFFIXED_NAME = new RegExp(String.raw`^(${FAMILY})\s+(${INITIALS})\.?,?\s+${SUFFIX_WORD}$`, 'u');
// NLM initials are up to four capitals without periods ("JPT"); hyphens appear for "J-P".
const STRICT_NAME = new RegExp(String.raw`^(${FAMILY})\s+(${INITIALS})\.?$`, 'u');
// Mixed-case initials such as "DeS" are rarer and collide with ordinary words, so they are
// only accepted when the rest of the list is made of names.
const LOOSE_NAME = new RegExp(String.raw`^(${FAMILY})\s+([A-Z][a-z][A-Z]{1,2})\.?$`, 'u');

const CORPORATE =
  /(?:Corp(?:oration)?|Inc|Ltd|LLC|GmbH)\b|\b(?:Cent(?:er|re)s?|Association|Organi[sz]ation|Society|Institutes?|Committee|Group|Collaborat\w*|Consortium|Council|Department|Agency|Foundation|Ministry|Bureau|Services?|Administration|Investigators|Working Party|Alliance|Federation|Academy|Task Force|Authority|Network|Program(?:me)?|Universit\w+|National|International|World|Hospital|Laboratory|Prevention|Control|Health|Study)\b|\([A-Z]{2,}\)/;

/** True when the text reads like an organisation rather than a person. */
export function looksCorporate(text: string): boolean {
  return CORPORATE.test(text);
}

function personal(part: string, loose: boolean): CslName | undefined {
  if (part.length > 120) return undefined;
  const m = SUFFIXED_NAME.exec(part) ?? STRICT_NAME.exec(part) ?? (loose ? LOOSE_NAME.exec(part) : null);
  if (!m?.[1] || !m[2]) return undefined;
  const name: CslName = {
    family: m[1],
    given: /^[A-Z](?:-?[A-Z])*$/.test(m[2]) ? spellInitials(m[2]) : m[2],
  };
  if (m[3]) name.suffix = normaliseSuffix(m[3]);
  return name;
}

/**
 * NLM prints initials run together ("JE"); CSL processors read a given name "JE" as one
 * name and initialise it to "J". Written "J. E.", every style prints the initials it wants.
 */
export function spellInitials(initials: string): string {
  // A loop, not two regex replacements: this runs for every name of every reference.
  let out = '';
  for (const ch of initials) {
    const capital = ch >= 'A' && ch <= 'Z';
    if (capital && out !== '' && out.endsWith('.')) out += ' ';
    out += capital ? `${ch}.` : ch;
  }
  return out;
}

function normaliseSuffix(suffix: string): string {
  const bare = suffix.replace(/\.$/, '');
  return bare === 'Jr' || bare === 'Sr' ? `${bare}.` : bare;
}

/** Splits on commas, then folds a lone suffix ("Jr.") back onto the name before it. */
function commaParts(text: string): string[] {
  const parts: string[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const previous = parts.at(-1);
    if (previous !== undefined && SUFFIX.test(part)) {
      parts[parts.length - 1] = `${previous.replace(/\.$/, '')} ${part}`;
    } else {
      parts.push(part);
    }
  }
  return parts;
}

const BARE_SURNAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

function namesOfGroup(group: string): CslName[] {
  const parts = commaParts(group);
  const strict = parts.map((p) => personal(p, false));
  if (parts.length > 0 && strict.every((n) => n !== undefined)) return strict;
  if (looksCorporate(group) && strict.every((n) => n === undefined)) return [{ literal: group }];
  const loose = parts.map((p) => personal(p, true));
  // A surname printed without initials among names ("Ratcliffe JM, Holderied, Surlykke A").
  if (loose.filter((n) => n !== undefined).length >= 2) {
    parts.forEach((p, i) => {
      if (loose[i] === undefined && BARE_SURNAME.test(p)) loose[i] = { family: p };
    });
  }
  const personCount = loose.filter((n) => n !== undefined).length;
  // One personal name among several unreadable parts means the commas belong to an
  // organisation's name ("Department of Health, Education, and Welfare").
  if (personCount === 0 || (personCount === 1 && parts.length > 2)) return [{ literal: group }];
  return parts.map((p, i) => loose[i] ?? { literal: p });
}

/** Reads an author or editor list. Never throws; unreadable parts become literal names. */
export function parseNames(segment: string): ParsedNames {
  let text = segment.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  let truncated = false;
  let editors = false;
  const etAl = /,?\s*(?:et al|and others)\.?$/i.exec(text);
  if (etAl) {
    truncated = true;
    text = text.slice(0, etAl.index).trim();
  }
  // Case matters: "ED" after a surname is a pair of initials, not "ed.".
  const editorMark = /(?:,\s*(?:[Ee]ditors?|[Ee]ds?)|\s+(?:editors?|eds?)|\s*\([Ee]ds?\.?\))$/.exec(text);
  if (editorMark) {
    editors = true;
    text = text.slice(0, editorMark.index).trim();
  }
  // "et al" may also come before the role ("Smith J, et al., editors").
  const etAlInner = /,?\s*et al\.?$/i.exec(text);
  if (etAlInner) {
    truncated = true;
    text = text.slice(0, etAlInner.index).trim();
  }
  const names: CslName[] = [];
  for (const group of text.split(';')) {
    const trimmed = group.trim();
    if (trimmed !== '') names.push(...namesOfGroup(trimmed));
  }
  return { names, truncated, editors };
}

/** True when the segment is a list of personal names (with optional et al./editors). */
export function isPersonalNameList(segment: string): boolean {
  return isPersonalNames(parseNames(segment));
}

/** True when parsed names are all personal names (see isPersonalNameList). */
export function isPersonalNames(parsed: ParsedNames): boolean {
  return parsed.names.length > 0 && parsed.names.every((n) => n.family !== undefined);
}
