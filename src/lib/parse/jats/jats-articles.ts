import { SourceError } from '../../errors.ts';
import { childElements, textContent, type XmlElement } from '../../xml/read-xml.ts';

/**
 * The JATS `<article>` elements of a document, whatever wrapper the tool that made it uses:
 * - a bare `<article>` (PMC's own download, publishers' XML);
 * - `<pmc-articleset>` (NCBI efetch from db=pmc);
 * - `<articles>` (tidypmc, europepmc and other tools saving several articles in one file);
 * - an OAI-PMH `GetRecord` or `ListRecords` response (PMC's OAI service, metadataPrefix `pmc`),
 *   with each article in `<record><metadata>`.
 * Wrapper names are compared without a namespace prefix (`oai:record` is `record`), as the OAI
 * namespace may come with one.
 */

export const JATS_ROOTS =
  'a JATS <article>, or several in <pmc-articleset>, <articles> or an OAI-PMH GetRecord / ListRecords response';

export function jatsArticles(root: XmlElement, sourcePath: string): XmlElement[] {
  const name = localName(root.name);
  if (name === 'article') return [root];
  if (name === 'pmc-articleset' || name === 'articles') {
    const articles = children(root, 'article');
    if (articles.length === 0)
      throw new SourceError(sourcePath, root.line, JATS_ROOTS, `<${root.name}> without <article>`);
    return articles;
  }
  if (name === 'OAI-PMH') return oaiArticles(root, sourcePath);
  throw new SourceError(sourcePath, root.line, JATS_ROOTS, `<${root.name}>`);
}

function oaiArticles(root: XmlElement, sourcePath: string): XmlElement[] {
  const error = children(root, 'error')[0];
  if (error) {
    // OAI-PMH reports a bad request (idDoesNotExist, cannotDisseminateFormat, …) in the body of a 200.
    const code = error.attrs['code'] ?? 'error';
    const message = textContent(error);
    throw new SourceError(
      sourcePath,
      error.line,
      JATS_ROOTS,
      `OAI-PMH ${code}${message ? `: ${message}` : ''}`,
    );
  }
  const verb = children(root, 'GetRecord')[0] ?? children(root, 'ListRecords')[0];
  if (!verb) throw new SourceError(sourcePath, root.line, 'an OAI-PMH <GetRecord> or <ListRecords> response');
  const records = children(verb, 'record');
  const articles = records.flatMap((record) => {
    const metadata = children(record, 'metadata')[0];
    return metadata ? children(metadata, 'article') : [];
  });
  if (articles.length === 0) {
    // A record withdrawn from PMC keeps its header (status="deleted") and has no metadata.
    const header = records[0] && children(records[0], 'header')[0];
    const deleted = header?.attrs['status'] === 'deleted';
    throw new SourceError(
      sourcePath,
      (records[0] ?? verb).line,
      '<record><metadata><article> in the OAI-PMH response (metadataPrefix "pmc")',
      deleted ? 'a deleted record' : `${records.length} record(s) without an <article>`,
    );
  }
  return articles;
}

function children(element: XmlElement, name: string): XmlElement[] {
  return childElements(element).filter((c) => localName(c.name) === name);
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
