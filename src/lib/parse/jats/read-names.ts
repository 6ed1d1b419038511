import type { CslName } from '../../schema/csl.ts';
import type { XmlElement } from '../../xml/read-xml.ts';
import { childElement, childElements } from '../../xml/read-xml.ts';
import { parseNames, spellInitials } from '../parse-names.ts';
import { collapse, isInitials, plainText } from './jats-text.ts';

function normaliseSuffix(suffix: string): string {
  const bare = suffix.replace(/\.$/, '');
  return bare === 'Jr' || bare === 'Sr' ? `${bare}.` : bare;
}

/** A JATS `name` or structured `string-name` as a CSL name; undefined when it is empty. */
export function readName(element: XmlElement): CslName | undefined {
  const family = plainText(childElement(element, 'surname'));
  const givenRaw = plainText(childElement(element, 'given-names'));
  const suffix = plainText(childElement(element, 'suffix'));
  if (family === '' && givenRaw === '') {
    const text = plainText(element);
    return text === '' ? undefined : { literal: text };
  }
  // A name printed with given names only (name-style="given-only") has no family to sort by.
  if (family === '') return { literal: givenRaw };
  const name: CslName = { family };
  if (givenRaw !== '') name.given = isInitials(givenRaw) ? spellInitials(givenRaw) : givenRaw;
  if (suffix !== '') name.suffix = normaliseSuffix(suffix);
  return name;
}

export interface NameList {
  names: CslName[];
  truncated: boolean;
}

/**
 * The names directly inside `group` (a `person-group`, a `contrib-group` or a citation): `name`,
 * `string-name`, `collab` (an organisation, as a literal) and `etal`. A group that holds only
 * text ("Hendrix RW, Roberts JW") is read with the NLM name-list reader.
 */
export function readNameList(group: XmlElement): NameList {
  const names: CslName[] = [];
  let truncated = false;
  for (const child of childElements(group)) {
    if (child.name === 'name' || child.name === 'string-name') {
      const name = readName(child);
      if (name) names.push(name);
    } else if (child.name === 'collab') {
      const text = plainText(child, new Set(['contrib-group', 'xref']));
      if (text !== '') names.push({ literal: text });
    } else if (child.name === 'etal') {
      truncated = true;
    } else if (child.name === 'anonymous') {
      names.push({ literal: plainText(child) || 'Anonymous' });
    }
  }
  const loose = collapse(group.children.filter((c): c is string => typeof c === 'string').join(' '));
  if (/\bet\.?\s*al\b/i.test(loose)) truncated = true;
  if (names.length === 0 && loose !== '' && group.name === 'person-group') {
    const parsed = parseNames(loose);
    return { names: parsed.names, truncated: truncated || parsed.truncated };
  }
  return { names, truncated };
}
