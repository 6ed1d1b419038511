import { isRecord, jsonAnswer, xmlAnswer } from './check-answer.ts';
import type { HttpClient } from './http-client.ts';
import { MalformedResponseError } from './net-errors.ts';

/**
 * NCBI E-utilities and the PMC ID converter. Every call sends `tool`, `email` and (E-utilities
 * only) `api_key` as NCBI asks; the caller reads NCBI_API_KEY / NCBI_EMAIL and passes them in.
 */

export const EUTILS_BASE = 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils/';
export const IDCONV_BASE = 'https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/';
/** NCBI's limit for one efetch by id list and one ID converter call. */
export const MAX_IDS_PER_CALL = 200;
/** Citations per ECitMatch call, keeping the GET URL short. */
export const MAX_CITATIONS_PER_CALL = 100;

export interface EutilsOptions {
  client: HttpClient;
  apiKey?: string | undefined;
  email?: string | undefined;
  /** Defaults to "lectern". */
  tool?: string;
  /** Where the E-utilities live; tests point it at the replay server. */
  eutilsBase?: string;
  /** Where the ID converter lives. */
  idconvBase?: string;
  /** Ids per efetch / idconv call, at most 200. */
  batchSize?: number;
}

/** What the ID converter knows about one requested id. */
export interface IdconvRecord {
  /** The id as it was asked for. */
  requestedId: string;
  pmid?: string;
  /** With its "PMC" prefix. */
  pmcid?: string;
  doi?: string;
  /** Set when the converter has no record, e.g. "invalid article id" for works not in PMC. */
  error?: string;
}

/** One citation for ECitMatch; `key` comes back with the answer. */
export interface CitationQuery {
  journal: string;
  year: string;
  volume: string;
  firstPage: string;
  /** First author as "family initials", e.g. "mann bj". */
  author: string;
  key: string;
}

export interface EcitmatchResult {
  key: string;
  status: 'found' | 'not-found' | 'ambiguous';
  pmid?: string;
  /** What NCBI printed when it found nothing, e.g. "NOT_FOUND;INVALID_JOURNAL". */
  detail?: string;
}

export interface EsearchResult {
  count: number;
  ids: string[];
}

export interface Eutils {
  /** PubMed XML (`<PubmedArticleSet>`), one document per batch of ≤ 200 PMIDs. */
  efetchPubmed(pmids: readonly string[]): Promise<string[]>;
  /** PMC XML (`<pmc-articleset>`), one document per batch; ids with or without "PMC". */
  efetchPmc(pmcids: readonly string[]): Promise<string[]>;
  /** PubMed search; `doiSearchTerm(doi)` finds the PMID of a DOI. */
  esearchPubmed(term: string): Promise<EsearchResult>;
  /** One record per requested id (in order), ids grouped by type into calls of ≤ 200. */
  idconv(ids: readonly string[]): Promise<IdconvRecord[]>;
  /** One result per citation, in order. */
  ecitmatch(citations: readonly CitationQuery[]): Promise<EcitmatchResult[]>;
}

export type IdType = 'pmid' | 'pmcid' | 'doi';

export function idType(id: string): IdType | undefined {
  if (/^\d+$/.test(id)) return 'pmid';
  if (/^PMC\d+$/i.test(id)) return 'pmcid';
  if (/^10\.\d{4,9}\/\S+$/.test(id)) return 'doi';
  return undefined;
}

/** The PubMed search term that finds a DOI: `"10.1126/science.277.5332.1630"[doi]`. */
export function doiSearchTerm(doi: string): string {
  return `"${doi.replace(/"/g, '')}"[doi]`;
}

export function createEutils(options: EutilsOptions): Eutils {
  const { client } = options;
  const eutilsBase = withSlash(options.eutilsBase ?? EUTILS_BASE);
  const idconvBase = withSlash(options.idconvBase ?? IDCONV_BASE);
  const batchSize = Math.min(MAX_IDS_PER_CALL, Math.max(1, options.batchSize ?? MAX_IDS_PER_CALL));
  const identify = { tool: options.tool ?? 'lectern', email: options.email };
  const eutilsParams = { ...identify, api_key: options.apiKey };

  async function efetch(db: 'pubmed' | 'pmc', ids: readonly string[], root: string): Promise<string[]> {
    const documents: string[] = [];
    for (const batch of chunks(ids, batchSize)) {
      const response = await client.get(`${eutilsBase}efetch.fcgi`, {
        params: { db, id: batch.join(','), retmode: 'xml', ...eutilsParams },
        accept: 'application/xml, text/xml',
      });
      xmlAnswer(response, [root]);
      documents.push(response.text);
    }
    return documents;
  }

  return {
    efetchPubmed: (pmids) => efetch('pubmed', pmids, 'PubmedArticleSet'),
    efetchPmc: (pmcids) =>
      efetch(
        'pmc',
        pmcids.map((id) => id.replace(/^PMC/i, '')),
        'pmc-articleset',
      ),

    async esearchPubmed(term) {
      const response = await client.get(`${eutilsBase}esearch.fcgi`, {
        params: { db: 'pubmed', term, retmode: 'json', ...eutilsParams },
        accept: 'application/json',
      });
      const expected = 'an esearch JSON result with "esearchresult.count" and "idlist"';
      const body = jsonAnswer(response, expected);
      const result = isRecord(body) ? body.esearchresult : undefined;
      if (!isRecord(result) || !Array.isArray(result.idlist)) {
        throw new MalformedResponseError(response.url, expected, response.text);
      }
      const ids = result.idlist.filter((id): id is string => typeof id === 'string' && /^\d+$/.test(id));
      const count = Number(result.count);
      return { count: Number.isFinite(count) ? count : ids.length, ids };
    },

    async idconv(ids) {
      const byType = new Map<IdType, string[]>();
      for (const id of ids) {
        const type = idType(id);
        if (type) byType.set(type, [...(byType.get(type) ?? []), id]);
      }
      const found = new Map<string, IdconvRecord>();
      for (const [type, typed] of byType) {
        for (const batch of chunks(typed, batchSize)) {
          const response = await client.get(idconvBase, {
            params: { ids: batch.join(','), idtype: type, format: 'json', ...identify },
            accept: 'application/json',
          });
          for (const record of readIdconv(
            response.url,
            response.text,
            jsonAnswer(response, IDCONV_SHAPE),
            batch,
          )) {
            found.set(idKey(record.requestedId), record);
          }
        }
      }
      return ids.map(
        (id) =>
          found.get(idKey(id)) ?? {
            requestedId: id,
            error: idType(id) ? 'not in the converter answer' : 'not a PMID, PMCID or DOI',
          },
      );
    },

    async ecitmatch(citations) {
      const results = new Map<string, EcitmatchResult>();
      for (const batch of chunks(citations, MAX_CITATIONS_PER_CALL)) {
        const bdata = batch
          .map((c) => [c.journal, c.year, c.volume, c.firstPage, c.author, c.key].map(field).join('|') + '|')
          .join('\r');
        const response = await client.get(`${eutilsBase}ecitmatch.cgi`, {
          params: { db: 'pubmed', retmode: 'xml', bdata, ...eutilsParams },
          accept: 'text/plain',
        });
        for (const result of readEcitmatch(response.url, response.text)) results.set(result.key, result);
        for (const c of batch) {
          if (!results.has(field(c.key))) {
            throw new MalformedResponseError(
              response.url,
              `one ECitMatch line per citation, ending "|${field(c.key)}|<PMID or NOT_FOUND>"`,
              response.text,
            );
          }
        }
      }
      return citations.map((c) => results.get(field(c.key)) ?? { key: c.key, status: 'not-found' });
    },
  };
}

const IDCONV_SHAPE = 'an ID converter JSON answer with a "records" array';

function readIdconv(url: string, text: string, body: unknown, asked: readonly string[]): IdconvRecord[] {
  if (!isRecord(body) || !Array.isArray(body.records))
    throw new MalformedResponseError(url, IDCONV_SHAPE, text);
  const askedByKey = new Map(asked.map((id) => [idKey(id), id]));
  const out: IdconvRecord[] = [];
  for (const raw of body.records) {
    if (!isRecord(raw)) throw new MalformedResponseError(url, `${IDCONV_SHAPE} of objects`, text);
    const pmid = idString(raw.pmid);
    const pmcid = idString(raw.pmcid);
    const doi = idString(raw.doi);
    const requested = idString(raw['requested-id']);
    // Match the record to what was asked: its "requested-id", else whichever of its ids was asked.
    const requestedId = [requested, pmid, pmcid, doi]
      .map((id) => (id === undefined ? undefined : askedByKey.get(idKey(id))))
      .find((id) => id !== undefined);
    if (requestedId === undefined) continue;
    const record: IdconvRecord = { requestedId };
    if (raw.status === 'error' || typeof raw.errmsg === 'string') {
      record.error = typeof raw.errmsg === 'string' ? raw.errmsg : 'error';
    } else {
      if (pmid && /^\d+$/.test(pmid)) record.pmid = pmid;
      if (pmcid && /^PMC\d+$/i.test(pmcid)) record.pmcid = pmcid.toUpperCase();
      if (doi) record.doi = doi;
    }
    out.push(record);
  }
  return out;
}

function readEcitmatch(url: string, text: string): EcitmatchResult[] {
  const out: EcitmatchResult[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const fields = line.split('|');
    const key = fields[5];
    const answer = (fields[6] ?? '').trim();
    if (fields.length < 7 || key === undefined) {
      throw new MalformedResponseError(
        url,
        'ECitMatch lines "journal|year|volume|page|author|key|result"',
        line,
      );
    }
    if (/^\d+$/.test(answer)) out.push({ key, status: 'found', pmid: answer });
    else if (/^AMBIGUOUS/i.test(answer)) out.push({ key, status: 'ambiguous', detail: answer });
    else if (/^NOT_FOUND/i.test(answer) || answer === '')
      out.push({ key, status: 'not-found', detail: answer });
    else throw new MalformedResponseError(url, 'a PMID, NOT_FOUND or AMBIGUOUS after the key', line);
  }
  return out;
}

function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** DOIs and PMCIDs compare case-insensitively. */
function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/** A field of an ECitMatch line: no "|" or line breaks, which would shift the columns. */
function field(value: string): string {
  return value.replace(/[|\r\n]+/g, ' ').trim();
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}
