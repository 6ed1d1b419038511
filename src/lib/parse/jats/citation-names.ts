import type { CslName } from '../../schema/csl.ts';
import type { XmlElement } from '../../xml/read-xml.ts';
import { childElements } from '../../xml/read-xml.ts';
import { plainText } from './jats-text.ts';
import { readName, readNameList } from './read-names.ts';

/**
 * The people of a reference's citation by role. Names come in `person-group`s typed by
 * `person-group-type`, or (PLOS and BMC mixed-citations) straight in the citation, where only
 * the printed words around them ("…, editors", "(Eds.)", "Edited by", "In:") tell the role.
 */

export interface CitationNames {
  author: CslName[];
  editor: CslName[];
  truncated: boolean;
}

/**
 * What Lectern keeps of each JATS role. CSL has no variable Lectern stores for translators,
 * assignees, curators…: they are left out of the fields (the verbatim text keeps them) rather
 * than passed off as authors. Compilers and inventors are the responsible creators of their
 * work, so they stand as authors when the citation names no author.
 */
type Role = 'author' | 'editor' | 'creator' | 'other';

const GROUP_ROLES: Record<string, Role> = {
  author: 'author',
  allauthors: 'author',
  editor: 'editor',
  'guest-editor': 'editor',
  transed: 'editor',
  compiler: 'creator',
  inventor: 'creator',
};

/** Text between two names of one printed list: commas, "and", "&". */
const NAME_SEPARATOR = /^[\s,;&]*(?:\band\b)?[\s,;&]*$/i;

const AFTER: readonly [RegExp, Role][] = [
  [/^[\s,.;:]*[([]?\s*(?:eds?\b\.?|editors?\b|editor\(s\)|edited\b|hrsg\b)/i, 'editor'],
  [/^[\s,.;:]*[([]?\s*(?:translators?\b|trans\b\.?|transl\b\.?|translated\b)/i, 'other'],
  [/^[\s,.;:]*[([]?\s*(?:compilers?\b|comp\b\.?|compiled\b)/i, 'creator'],
];
const BEFORE: readonly [RegExp, Role][] = [
  [/(?:\bedited\s+by|\beds?\.|\beditors?:?)\s*$/i, 'editor'],
  [/(?:\btranslated\s+by|\btrans\.|\btransl\.)\s*$/i, 'other'],
  [/\bcompiled\s+by\s*$/i, 'creator'],
  // A name after "In:" is the creator of the container (book editor or book author), never
  // an author of the cited part; unmarked, it is not read as either.
  [/\bin:?\s*$/i, 'other'],
];

function isNameElement(node: XmlElement): boolean {
  return (
    node.name === 'name' || node.name === 'string-name' || node.name === 'collab' || node.name === 'etal'
  );
}

interface Run {
  names: CslName[];
  truncated: boolean;
  before: string;
  after: string;
}

/** Consecutive names printed as one list, with the text just before and just after it. */
function nameRuns(citation: XmlElement): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let text = ''; // text since the last element
  for (const node of citation.children) {
    if (typeof node === 'string') {
      text += node;
      continue;
    }
    if (!isNameElement(node)) {
      if (current) current.after = text;
      current = undefined;
      text = '';
      continue;
    }
    if (current && !NAME_SEPARATOR.test(text)) {
      current.after = text;
      current = undefined;
    }
    if (!current) {
      current = { names: [], truncated: false, before: text, after: '' };
      runs.push(current);
    }
    text = '';
    if (node.name === 'etal') current.truncated = true;
    else if (node.name === 'collab') {
      const value = plainText(node);
      if (value !== '') current.names.push({ literal: value });
    } else {
      const name = readName(node);
      if (name) current.names.push(name);
    }
  }
  if (current) current.after = text;
  return runs;
}

function runRole(run: Run): Role {
  for (const [pattern, role] of AFTER) if (pattern.test(run.after)) return role;
  for (const [pattern, role] of BEFORE) if (pattern.test(run.before)) return role;
  return 'author';
}

export function citationNames(citation: XmlElement): CitationNames {
  const byRole: Record<Role, CslName[]> = { author: [], editor: [], creator: [], other: [] };
  let truncated = false;
  for (const group of childElements(citation, 'person-group')) {
    const role = GROUP_ROLES[(group.attrs['person-group-type'] ?? 'author').toLowerCase()] ?? 'other';
    const list = readNameList(group);
    byRole[role].push(...list.names);
    if (role === 'author' || role === 'creator') truncated ||= list.truncated;
  }
  for (const run of nameRuns(citation)) {
    const role = runRole(run);
    byRole[role].push(...run.names);
    if (role === 'author' || role === 'creator') truncated ||= run.truncated;
  }
  const author = byRole.author.length > 0 ? byRole.author : byRole.creator;
  return { author, editor: byRole.editor, truncated };
}
