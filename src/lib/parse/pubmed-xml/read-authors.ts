import type { ReviewAuthor } from '../../schema/review.ts';
import { childElement, childElements, textContent, type XmlElement } from '../../xml/read-xml.ts';
import { spellInitials } from '../parse-names.ts';

export interface ArticleAuthors {
  authors: ReviewAuthor[];
  /** `AuthorList CompleteYN="N"`: PubMed holds fewer names than the article lists. */
  truncated: boolean;
}

/** The authors of `MedlineCitation/Article` (not its editors), in printed order. */
export function readAuthors(article: XmlElement): ArticleAuthors {
  const list = childElements(article, 'AuthorList').find((l) => l.attrs['Type'] !== 'editors');
  if (!list) return { authors: [], truncated: false };
  const authors = childElements(list, 'Author')
    // ValidYN="N" marks a name PubMed itself records as wrong; its page does not show it.
    .filter((a) => a.attrs['ValidYN'] !== 'N')
    .map(readAuthor)
    .filter((a): a is ReviewAuthor => a !== undefined);
  return { authors, truncated: list.attrs['CompleteYN'] === 'N' };
}

function readAuthor(author: XmlElement): ReviewAuthor | undefined {
  const collective = textContent(childElement(author, 'CollectiveName'));
  const family = textContent(childElement(author, 'LastName'));
  const foreName = textContent(childElement(author, 'ForeName'));
  const initials = textContent(childElement(author, 'Initials'));
  const suffix = textContent(childElement(author, 'Suffix'));
  const orcid = readOrcid(author);
  const affiliations = childElements(author, 'AffiliationInfo')
    .map((info) => textContent(childElement(info, 'Affiliation')))
    .filter((a) => a !== '');

  let name: ReviewAuthor;
  if (family) {
    const given = givenName(foreName, initials);
    name = { family, ...(given ? { given } : {}), ...(suffix ? { suffix } : {}) };
  } else if (collective) {
    name = { literal: collective };
  } else {
    return undefined;
  }
  return {
    ...name,
    ...(orcid ? { orcid } : {}),
    ...(affiliations.length > 0 ? { affiliations } : {}),
  };
}

/**
 * The fore name as PubMed has it ("Paul M"). A fore name made only of initials ("J B") and the
 * bare `Initials` ("JB") are spelled "J. B.", as CSL processors need to read them as initials.
 */
function givenName(foreName: string, initials: string): string | undefined {
  if (foreName && /^[A-Z](?:[\s.]+[A-Z])*\.?$/.test(foreName)) {
    return spellInitials(foreName.replace(/[\s.]/g, ''));
  }
  if (foreName) return foreName;
  if (initials) return /^[A-Z]+$/.test(initials) ? spellInitials(initials) : initials;
  return undefined;
}

/** ORCID iD as a bare "0000-0002-4590-7461", from a bare id or an orcid.org URL. */
function readOrcid(author: XmlElement): string | undefined {
  for (const id of childElements(author, 'Identifier')) {
    if ((id.attrs['Source'] ?? '').toUpperCase() !== 'ORCID') continue;
    const bare = textContent(id)
      .replace(/^(?:https?:\/\/)?(?:www\.)?orcid\.org\//i, '')
      .replace(/\/$/, '');
    const compact = bare.replace(/-/g, '').toUpperCase();
    if (/^\d{15}[\dX]$/.test(compact)) return compact.replace(/(.{4})(?=.)/g, '$1-');
  }
  return undefined;
}
