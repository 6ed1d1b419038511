import type { CrossrefWork } from '../net/crossref.ts';
import type { CitationQuery, EcitmatchResult, EsearchResult, IdconvRecord } from '../net/eutils.ts';
import { doiSearchTerm } from '../net/eutils.ts';
import { correctionSchema, type Correction, type CslItem } from '../schema/csl.ts';
import {
  TITLE_SIMILARITY_THRESHOLD,
  firstAuthorFamily,
  initials,
  itemYear,
  sameFamily,
  titleSimilarity,
} from './compare-work.ts';
import { cacheKey, type JsonValue, type ResolutionCache } from './resolution-cache.ts';
import { sameWork, takeRecordFields } from './apply-record.ts';
import {
  crossrefRecord,
  readPubmedRecords,
  recordFromJson,
  recordToJson,
  type WorkRecord,
} from './work-records.ts';

/**
 * Fills in the DOI, PMID and PMCID of references from what is already known (the other
 * references and the resolution cache) and, when asked, from NCBI and Crossref. An identifier
 * answer that disagrees with the reference becomes a `Conflict` and is not applied.
 *
 * Then a reference with a PMID takes its fields from PubMed's record of it (efetch, 200 PMIDs a
 * request), and one with a DOI but no PMID, or a PMID PubMed has no record of, from Crossref's:
 * the record wins for the fields it has and each field the printed string gave otherwise is a
 * `Conflict` with `applied: true`; a record that is not of the printed work is not applied at all
 * (`apply-record.ts` has the rule).
 */

/** The online services, as `createEutils(…)` and `createCrossref(…)` provide them. */
export interface Resolvers {
  idconv(ids: readonly string[]): Promise<IdconvRecord[]>;
  esearchPubmed?(term: string): Promise<EsearchResult>;
  ecitmatch?(citations: readonly CitationQuery[]): Promise<EcitmatchResult[]>;
  crossrefWork?(doi: string): Promise<CrossrefWork | undefined>;
  /** PubMed XML documents for ≤ 200 PMIDs, one per request (`createEutils(…).efetchPubmed`). */
  efetchPubmed?(pmids: readonly string[]): Promise<string[]>;
}

export type IdField = 'DOI' | 'PMID' | 'PMCID';
export type ConflictField = IdField | 'title' | 'issued' | 'author' | 'volume' | 'page' | 'container-title';

/** An answer that disagreed with a reference, kept for the report instead of being applied. */
export interface Conflict {
  /** The reference's citation key. */
  id: string;
  field: ConflictField;
  /** What the reference says. */
  parsed: string;
  /** What the source says. */
  resolved: string;
  /** The request key of the answer (e.g. `crossref:10.1098/rsif.2017.0387`, `pubmed:29618526`) or `reference:<id>`. */
  source: string;
  /**
   * True when the record's value is what the reference now shows (fields from its PubMed or
   * Crossref record); absent when the reference kept its own value.
   */
  applied?: true;
}

export interface ResolveOptions {
  cache: ResolutionCache;
  /** Without it, only what the items and the cache already know is used: no request is made. */
  online?: Resolvers;
}

export interface ResolveResult {
  items: CslItem[];
  conflicts: Conflict[];
  /** Calls made to the online services (one HTTP request each, retries aside); 0 when all was cached. */
  requests: number;
}

const ID_FIELDS: readonly IdField[] = ['PMCID', 'PMID', 'DOI'];
const IDCONV_BATCH = 200;
const ECITMATCH_BATCH = 100;
/** NCBI's ceiling for one efetch by id list. */
const PUBMED_BATCH = 200;
/** Enough for idconv → ECitMatch → idconv of the found PMID → Crossref, with room to spare. */
const MAX_ROUNDS = 6;

export async function resolveReferences(items: CslItem[], options: ResolveOptions): Promise<ResolveResult> {
  const { cache, online } = options;
  let pass = resolveFromCache(items, cache);
  let requests = 0;
  if (!online) return { items: pass.items, conflicts: pass.conflicts, requests };

  const phases: ((p: Pass) => Promise<number>)[] = [
    (p) => fetchIdconv(p, cache, online),
    (p) => fetchEsearch(p, cache, online),
    (p) => fetchEcitmatch(p, cache, online),
    (p) => fetchCrossref(p, cache, online),
    (p) => fetchPubmed(p, cache, online),
  ];
  // Ask until nothing is missing, so a re-run over the saved cache needs no request at all.
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    let made = 0;
    for (const phase of phases) {
      const n = await phase(pass);
      if (n > 0) pass = resolveFromCache(items, cache);
      made += n;
    }
    requests += made;
    if (made === 0) break;
  }
  return { items: pass.items, conflicts: pass.conflicts, requests };
}

// ---------------------------------------------------------------------------------------------
// Offline: everything derived from the items and the cache alone. Deterministic.

type Ids = Partial<Record<IdField, string>>;

interface ItemState {
  item: CslItem;
  ids: Ids;
  /** The DOI Crossref was (or would be) asked about, before any revert. */
  doiToCheck: string | undefined;
  citation: CitationFields | undefined;
}

interface Pass {
  states: ItemState[];
  items: CslItem[];
  conflicts: Conflict[];
}

interface IdRecord {
  ids: Ids;
  source: string;
}

function resolveFromCache(items: readonly CslItem[], cache: ResolutionCache): Pass {
  const conflicts: Conflict[] = [];
  const records = knownRecords(items, cache);
  const index = new Map<string, IdRecord[]>();
  for (const record of records) {
    for (const field of ID_FIELDS) {
      const value = record.ids[field];
      if (value !== undefined)
        index.set(idKey(field, value), [...(index.get(idKey(field, value)) ?? []), record]);
    }
  }

  // Records that disagree with another record about the same work fill nothing (they still
  // show up as conflicts on the references whose own identifiers they contradict).
  const contested = new Set<IdRecord>();
  for (const bucket of index.values()) {
    for (const a of bucket) {
      for (const b of bucket) {
        if (a !== b && ID_FIELDS.some((f) => clash(f, a.ids[f], b.ids[f]))) contested.add(a);
      }
    }
  }

  const states = items.map((item): ItemState => {
    const ids = idsOf(item);
    const citation = citationFields(item);
    const seen = new Set<IdRecord>();
    const apply = (record: IdRecord): boolean => {
      if (seen.has(record)) return false;
      seen.add(record);
      return applyRecord(item.id, ids, record, conflicts, contested.has(record));
    };
    for (let changed = true; changed;) {
      changed = false;
      for (const field of ID_FIELDS) {
        const value = ids[field];
        if (value === undefined) continue;
        for (const record of index.get(idKey(field, value)) ?? []) {
          if (record.source !== `reference:${item.id}` && apply(record)) changed = true;
        }
        if (field === 'DOI') {
          const pmid = onlyPmid(cache.get(cacheKey.esearchDoi(value)));
          if (pmid && ids.PMID === undefined) {
            changed =
              apply({ ids: { DOI: value, PMID: pmid }, source: cacheKey.esearchDoi(value) }) || changed;
          }
        }
      }
      if (citation && ids.PMID === undefined) {
        const key = cacheKey.ecitmatch(citation.fields);
        const found = cache.get(key);
        if (isObject(found) && found.status === 'found' && typeof found.pmid === 'string') {
          changed = apply({ ids: { PMID: found.pmid }, source: key }) || changed;
        }
      }
    }
    return { item, ids, doiToCheck: ids.DOI, citation };
  });

  const checked = states.map((state) => checkWithCrossref(state, cache, conflicts));
  const out = checked.map(({ item, rejected }) =>
    rejected ? item : withRecordFields(item, cache, conflicts),
  );
  return { states, items: out, conflicts: dedupe(conflicts) };
}

/** Identifier sets known without asking: references carrying two or more, and cached converter answers. */
function knownRecords(items: readonly CslItem[], cache: ResolutionCache): IdRecord[] {
  const records: IdRecord[] = [];
  for (const item of items) {
    const ids = idsOf(item);
    if (Object.keys(ids).length >= 2) records.push({ ids, source: `reference:${item.id}` });
  }
  for (const key of cache.keys()) {
    if (!key.startsWith('idconv:')) continue;
    const answer = cache.get(key);
    if (!isObject(answer) || answer.error !== undefined) continue;
    const ids: Ids = {};
    if (typeof answer.doi === 'string') ids.DOI = answer.doi;
    if (typeof answer.pmid === 'string' && /^\d+$/.test(answer.pmid)) ids.PMID = answer.pmid;
    if (typeof answer.pmcid === 'string' && /^PMC\d+$/.test(answer.pmcid)) ids.PMCID = answer.pmcid;
    if (Object.keys(ids).length >= 2) records.push({ ids, source: key });
  }
  return records;
}

/** Adds the record's identifiers the item lacks, unless one of them contradicts the item's. */
function applyRecord(
  id: string,
  ids: Ids,
  record: IdRecord,
  conflicts: Conflict[],
  contested: boolean,
): boolean {
  const clashes = ID_FIELDS.filter((field) => clash(field, ids[field], record.ids[field]));
  if (clashes.length > 0) {
    for (const field of clashes) {
      conflicts.push({
        id,
        field,
        parsed: ids[field] ?? '',
        resolved: record.ids[field] ?? '',
        source: record.source,
      });
    }
    return false;
  }
  if (contested) return false;
  let changed = false;
  for (const field of ID_FIELDS) {
    const theirs = record.ids[field];
    if (theirs !== undefined && ids[field] === undefined) {
      ids[field] = theirs;
      changed = true;
    }
  }
  return changed;
}

/**
 * Compares the reference with Crossref's record of its DOI. On disagreement the reference stays
 * exactly as parsed (no identifier added, no record's fields: `rejected`) and each differing field
 * is a conflict, unless the printed string itself names the record's work (then the parser misread
 * it, and the record's fields will say so); otherwise the new identifiers and any retraction or
 * correction notices are added.
 */
function checkWithCrossref(
  state: ItemState,
  cache: ResolutionCache,
  conflicts: Conflict[],
): { item: CslItem; rejected: boolean } {
  const { item, ids } = state;
  let corrections: Correction[] = [];
  if (ids.DOI !== undefined) {
    const key = cacheKey.crossref(ids.DOI);
    const answer = cache.get(key);
    const work = crossrefSummary(answer);
    if (work) {
      const differences = compareWithWork(item, work);
      // The printed string naming the record's work outweighs what the parser made of it.
      const record = crossrefRecordOf(answer);
      const named = item.custom?.verbatim !== undefined && record !== undefined && sameWork(item, record);
      if (differences.length > 0 && !named) {
        for (const d of differences) conflicts.push({ id: item.id, ...d, source: key });
        return { item, rejected: true };
      }
      corrections = work.corrections;
    }
  }
  return { item: withAdditions(item, ids, corrections), rejected: false };
}

/**
 * The reference with the fields of its PMID's PubMed record or, failing that, of its DOI's
 * Crossref record, when the cache holds one; the differences become conflicts.
 */
function withRecordFields(item: CslItem, cache: ResolutionCache, conflicts: Conflict[]): CslItem {
  let source = item.PMID === undefined ? undefined : cacheKey.pubmed(item.PMID);
  let record = pubmedRecordOf(cache, item.PMID);
  let from: 'pubmed' | 'crossref' = 'pubmed';
  // Without a PMID, or one PubMed has no record of, the DOI's Crossref record.
  if (!record && item.DOI !== undefined) {
    source = cacheKey.crossref(item.DOI);
    record = crossrefRecordOf(cache.get(source));
    from = 'crossref';
  }
  if (!record || source === undefined) return item;
  const result = takeRecordFields(item, record, from);
  for (const d of result.differences) {
    const applied = result.applied && d.field !== 'DOI' && d.field !== 'PMCID' && d.field !== 'PMID';
    conflicts.push({ id: item.id, ...d, source, ...(applied ? { applied: true as const } : {}) });
  }
  return result.item;
}

function pubmedRecordOf(cache: ResolutionCache, pmid: string | undefined): WorkRecord | undefined {
  if (pmid === undefined) return undefined;
  const answer = cache.get(cacheKey.pubmed(pmid));
  return isObject(answer) && answer.found === true ? recordFromJson(answer.record) : undefined;
}

function crossrefRecordOf(answer: JsonValue | undefined): WorkRecord | undefined {
  return isObject(answer) && answer.found === true ? recordFromJson(answer.record) : undefined;
}

function withAdditions(item: CslItem, ids: Ids, corrections: readonly Correction[]): CslItem {
  const added: Ids = {};
  for (const field of ['DOI', 'PMID', 'PMCID'] as const) {
    const value = ids[field];
    if (value !== undefined && item[field] === undefined) added[field] = value;
  }
  const known = item.custom?.corrections ?? [];
  const fresh = corrections.filter(
    (c) =>
      !known.some((k) => k.type === c.type && (k.doi ?? '').toLowerCase() === (c.doi ?? '').toLowerCase()),
  );
  if (Object.keys(added).length === 0 && fresh.length === 0) return item;
  const out: CslItem = { ...item, ...added };
  if (fresh.length > 0) out.custom = { ...item.custom, corrections: [...known, ...fresh] };
  return out;
}

// ---------------------------------------------------------------------------------------------
// Crossref comparison

export interface CrossrefSummary {
  doi: string;
  title: string | undefined;
  subtitle: string | undefined;
  /** Every year Crossref gives (issued, print, online): a reference may cite any of them. */
  years: number[];
  firstAuthor: string | undefined;
  corrections: Correction[];
}

/** What the cache keeps of a Crossref work: only what the comparison and the report need. */
export function summariseCrossrefWork(work: CrossrefWork): CrossrefSummary {
  const years = new Set<number>();
  for (const date of [work.issued, work.published, work['published-print'], work['published-online']]) {
    const year = date?.['date-parts']?.[0]?.[0];
    if (typeof year === 'number') years.add(year);
  }
  const authors = work.author ?? [];
  const first = authors.find((a) => a.sequence === 'first') ?? authors[0];
  const corrections: Correction[] = [];
  for (const update of work['updated-by'] ?? []) {
    if (update.DOI.toLowerCase() === work.DOI.toLowerCase()) continue;
    corrections.push({ type: correctionType(update.type), doi: update.DOI });
  }
  for (const [relation, targets] of Object.entries(work.relation ?? {})) {
    if (!/retract|correct|errat|concern/i.test(relation)) continue;
    for (const target of targets) {
      if (target['id-type'] === 'doi') corrections.push({ type: correctionType(relation), doi: target.id });
    }
  }
  return {
    doi: work.DOI,
    title: work.title?.[0],
    subtitle: work.subtitle?.[0],
    years: [...years].sort((a, b) => a - b),
    firstAuthor: first?.family,
    corrections,
  };
}

function correctionType(text: string): Correction['type'] {
  if (/retract|withdraw|removal/i.test(text)) return 'retraction';
  if (/concern/i.test(text)) return 'expression-of-concern';
  if (/errat/i.test(text)) return 'erratum';
  if (/correct|corrigend/i.test(text)) return 'correction';
  return 'update';
}

function compareWithWork(
  item: CslItem,
  work: CrossrefSummary,
): { field: ConflictField; parsed: string; resolved: string }[] {
  const out: { field: ConflictField; parsed: string; resolved: string }[] = [];
  if (item.title !== undefined && work.title !== undefined) {
    const variants = [work.title, ...(work.subtitle ? [`${work.title}: ${work.subtitle}`] : [])];
    const best = Math.max(...variants.map((v) => titleSimilarity(item.title ?? '', v)));
    if (best < TITLE_SIMILARITY_THRESHOLD)
      out.push({ field: 'title', parsed: item.title, resolved: work.title });
  }
  const year = itemYear(item);
  if (year !== undefined && work.years.length > 0 && !work.years.includes(year)) {
    out.push({ field: 'issued', parsed: String(year), resolved: work.years.join(' / ') });
  }
  const family = firstAuthorFamily(item.author);
  if (family !== undefined && work.firstAuthor !== undefined && !sameFamily(family, work.firstAuthor)) {
    out.push({ field: 'author', parsed: item.author?.[0]?.family ?? family, resolved: work.firstAuthor });
  }
  return out;
}

function crossrefSummary(value: JsonValue | undefined): CrossrefSummary | undefined {
  if (!isObject(value) || value.found !== true || typeof value.doi !== 'string') return undefined;
  const years = Array.isArray(value.years)
    ? value.years.filter((y): y is number => typeof y === 'number')
    : [];
  const corrections = (Array.isArray(value.corrections) ? value.corrections : []).flatMap((c) => {
    const parsed = correctionSchema.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    doi: value.doi,
    title: typeof value.title === 'string' ? value.title : undefined,
    subtitle: typeof value.subtitle === 'string' ? value.subtitle : undefined,
    years,
    firstAuthor: typeof value.firstAuthor === 'string' ? value.firstAuthor : undefined,
    corrections,
  };
}

// ---------------------------------------------------------------------------------------------
// Online phases: each asks only for what the cache lacks, stores every answer (negative ones
// too) and returns how many calls it made.

async function fetchIdconv(pass: Pass, cache: ResolutionCache, online: Resolvers): Promise<number> {
  const wanted = new Map<string, string>();
  for (const { ids } of pass.states) {
    const present = ID_FIELDS.filter((f) => ids[f] !== undefined);
    if (present.length === 0 || present.length === ID_FIELDS.length) continue;
    if (present.some((f) => cache.has(cacheKey.idconv(ids[f] ?? '')))) continue;
    // One id is enough: PMCID, else PMID, else DOI (the order NCBI resolves most reliably).
    const id = ids[present[0] ?? 'DOI'] ?? '';
    wanted.set(cacheKey.idconv(id), id);
  }
  let calls = 0;
  for (const field of ID_FIELDS) {
    const ofType = [...wanted.values()].filter((id) => idField(id) === field).sort();
    for (let i = 0; i < ofType.length; i += IDCONV_BATCH) {
      const batch = ofType.slice(i, i + IDCONV_BATCH);
      calls += 1;
      const records = await online.idconv(batch);
      for (const id of batch) {
        const record = records.find((r) => cacheKey.idconv(r.requestedId) === cacheKey.idconv(id));
        cache.set(cacheKey.idconv(id), idconvAnswer(record));
      }
    }
  }
  return calls;
}

function idconvAnswer(record: IdconvRecord | undefined): JsonValue {
  if (!record) return { error: 'not in the converter answer' };
  if (record.error !== undefined) return { error: record.error };
  const out: Record<string, JsonValue> = {};
  if (record.doi !== undefined) out.doi = record.doi;
  if (record.pmid !== undefined) out.pmid = record.pmid;
  if (record.pmcid !== undefined) out.pmcid = record.pmcid;
  return out;
}

async function fetchEsearch(pass: Pass, cache: ResolutionCache, online: Resolvers): Promise<number> {
  if (!online.esearchPubmed) return 0;
  let calls = 0;
  for (const { ids } of pass.states) {
    if (ids.DOI === undefined || ids.PMID !== undefined) continue;
    const key = cacheKey.esearchDoi(ids.DOI);
    if (cache.has(key)) continue;
    calls += 1;
    const result = await online.esearchPubmed(doiSearchTerm(ids.DOI));
    cache.set(key, { count: result.count, pmids: result.ids });
  }
  return calls;
}

async function fetchEcitmatch(pass: Pass, cache: ResolutionCache, online: Resolvers): Promise<number> {
  if (!online.ecitmatch) return 0;
  const wanted = new Map<string, CitationFields>();
  for (const { ids, citation } of pass.states) {
    if (!citation || ids.PMID !== undefined) continue;
    const key = cacheKey.ecitmatch(citation.fields);
    if (!cache.has(key)) wanted.set(key, citation);
  }
  // Sorted, so the same references ask the same question in any order.
  const entries = [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let calls = 0;
  for (let i = 0; i < entries.length; i += ECITMATCH_BATCH) {
    const batch = entries.slice(i, i + ECITMATCH_BATCH);
    const queries = batch.map(([, c], n): CitationQuery => ({ ...c.query, key: `ref${i + n + 1}` }));
    calls += 1;
    const results = await online.ecitmatch(queries);
    batch.forEach(([key], n) => {
      const result = results.find((r) => r.key === queries[n]?.key);
      const answer: Record<string, JsonValue> = { status: result?.status ?? 'not-found' };
      if (result?.pmid !== undefined) answer.pmid = result.pmid;
      if (result?.detail !== undefined) answer.detail = result.detail;
      cache.set(key, answer);
    });
  }
  return calls;
}

async function fetchCrossref(pass: Pass, cache: ResolutionCache, online: Resolvers): Promise<number> {
  if (!online.crossrefWork) return 0;
  let calls = 0;
  const asked = new Set<string>();
  for (const [i, { doiToCheck }] of pass.states.entries()) {
    if (doiToCheck === undefined) continue;
    const key = cacheKey.crossref(doiToCheck);
    if (asked.has(key)) continue;
    const cached = cache.get(key);
    // A cache from before records were kept has the summary only; a reference without a PubMed
    // record needs the whole record.
    const needsRecord =
      isObject(cached) &&
      cached.found === true &&
      cached.record === undefined &&
      pubmedRecordOf(cache, pass.items[i]?.PMID) === undefined;
    if (cached !== undefined && !needsRecord) continue;
    asked.add(key);
    calls += 1;
    const work = await online.crossrefWork(doiToCheck);
    cache.set(
      key,
      work
        ? { found: true, ...toJson(summariseCrossrefWork(work)), record: recordToJson(crossrefRecord(work)) }
        : { found: false },
    );
  }
  return calls;
}

/** PubMed's records of every PMID the cache lacks, 200 to a request, sorted so any order asks the same. */
async function fetchPubmed(pass: Pass, cache: ResolutionCache, online: Resolvers): Promise<number> {
  if (!online.efetchPubmed) return 0;
  const wanted = new Set<string>();
  for (const item of pass.items) {
    if (item.PMID !== undefined && !cache.has(cacheKey.pubmed(item.PMID))) wanted.add(item.PMID);
  }
  const pmids = [...wanted].sort((a, b) => Number(a) - Number(b));
  let calls = 0;
  for (let i = 0; i < pmids.length; i += PUBMED_BATCH) {
    const batch = pmids.slice(i, i + PUBMED_BATCH);
    const documents = await online.efetchPubmed(batch);
    calls += Math.max(1, documents.length);
    const records = new Map<string, WorkRecord>();
    for (const document of documents) {
      for (const [pmid, record] of readPubmedRecords(document, 'PubMed efetch answer'))
        records.set(pmid, record);
    }
    for (const pmid of batch) {
      const record = records.get(pmid);
      // PubMed leaves out PMIDs it does not have (deleted, never assigned): remembered as not found.
      cache.set(
        cacheKey.pubmed(pmid),
        record ? { found: true, record: recordToJson(record) } : { found: false },
      );
    }
  }
  return calls;
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface CitationFields {
  /** journal, year, volume, first page, first author: the cache key's parts. */
  fields: string[];
  query: Omit<CitationQuery, 'key'>;
}

/** What ECitMatch needs, for a journal article that has all of it. */
function citationFields(item: CslItem): CitationFields | undefined {
  if (item.type !== 'article-journal') return undefined;
  const journal = item['container-title-short'] ?? item['container-title'];
  const year = itemYear(item);
  const volume = item.volume;
  const firstPage = item.page?.split(/[-–—]/)[0]?.trim();
  const first = item.author?.[0];
  if (!journal || year === undefined || !volume || !firstPage || !first?.family) return undefined;
  const author = `${first.family} ${initials(first.given)}`.trim().toLowerCase();
  const query = { journal: journal.toLowerCase(), year: String(year), volume, firstPage, author };
  return { fields: [query.journal, query.year, query.volume, query.firstPage, query.author], query };
}

function idsOf(item: CslItem): Ids {
  const ids: Ids = {};
  for (const field of ID_FIELDS) {
    const value = item[field];
    if (value !== undefined && value !== '') ids[field] = value;
  }
  return ids;
}

function idField(id: string): IdField | undefined {
  if (/^\d+$/.test(id)) return 'PMID';
  if (/^PMC\d+$/i.test(id)) return 'PMCID';
  return id.startsWith('10.') ? 'DOI' : undefined;
}

function clash(field: IdField, a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && idKey(field, a) !== idKey(field, b);
}

/** DOIs and PMCIDs compare case-insensitively. */
function idKey(field: IdField, value: string): string {
  return `${field}:${value.trim().toLowerCase()}`;
}

function onlyPmid(answer: JsonValue | undefined): string | undefined {
  if (!isObject(answer) || !Array.isArray(answer.pmids) || answer.pmids.length !== 1) return undefined;
  const pmid = answer.pmids[0];
  return typeof pmid === 'string' && /^\d+$/.test(pmid) ? pmid : undefined;
}

function dedupe(conflicts: readonly Conflict[]): Conflict[] {
  const seen = new Set<string>();
  return conflicts.filter((c) => {
    const key = JSON.stringify([c.id, c.field, c.parsed, c.resolved, c.source]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toJson(summary: CrossrefSummary): Record<string, JsonValue> {
  return JSON.parse(JSON.stringify(summary)) as Record<string, JsonValue>;
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
