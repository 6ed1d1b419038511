import { isRecord, jsonAnswer } from './check-answer.ts';
import type { HttpClient } from './http-client.ts';
import { MalformedResponseError } from './net-errors.ts';

/** The Crossref REST API's single-work lookup. */

export const CROSSREF_BASE = 'https://api.crossref.org/';

export interface CrossrefOptions {
  client: HttpClient;
  /** Contact address for Crossref's "polite" pool. */
  mailto?: string | undefined;
  /** Where the API lives; tests point it at the replay server. */
  baseUrl?: string;
}

export interface CrossrefDate {
  'date-parts'?: (number | null)[][];
}

export interface CrossrefAuthor {
  family?: string;
  given?: string;
  /** An organisation as author. */
  name?: string;
  sequence?: string;
}

/** An entry of `update-to` / `updated-by`: a notice and the work it changes. */
export interface CrossrefUpdate {
  DOI: string;
  /** e.g. "retraction", "correction", "erratum", "expression_of_concern". */
  type: string;
  label?: string;
}

/** The fields of a Crossref work `message` Lectern reads; all others are kept untyped. */
export interface CrossrefWork {
  DOI: string;
  type?: string;
  title?: string[];
  subtitle?: string[];
  author?: CrossrefAuthor[];
  'container-title'?: string[];
  issued?: CrossrefDate;
  published?: CrossrefDate;
  'published-print'?: CrossrefDate;
  'published-online'?: CrossrefDate;
  /** On a notice: the works it retracts or corrects. */
  'update-to'?: CrossrefUpdate[];
  /** On a work: the notices that retract or correct it. */
  'updated-by'?: CrossrefUpdate[];
  relation?: Record<string, { id: string; 'id-type'?: string; 'asserted-by'?: string }[]>;
  [field: string]: unknown;
}

export interface Crossref {
  /** The work's `message`, or undefined when Crossref does not know the DOI (HTTP 404). */
  crossrefWork(doi: string): Promise<CrossrefWork | undefined>;
}

const EXPECTED = 'a Crossref JSON answer {"status":"ok","message-type":"work","message":{"DOI":…}}';

export function createCrossref(options: CrossrefOptions): Crossref {
  const base = (options.baseUrl ?? CROSSREF_BASE).replace(/\/?$/, '/');
  return {
    async crossrefWork(doi) {
      const response = await options.client.get(`${base}works/${encodeURIComponent(doi)}`, {
        params: { mailto: options.mailto },
        accept: 'application/json',
        acceptStatus: [404],
      });
      if (response.status === 404) return undefined;
      const body = jsonAnswer(response, EXPECTED);
      const message = isRecord(body) && body.status === 'ok' ? normaliseWork(body.message) : undefined;
      if (!message) throw new MalformedResponseError(response.url, EXPECTED, response.text);
      return message;
    },
  };
}

/**
 * The message as a `CrossrefWork`, or undefined when it has the wrong shape. Titles may come as
 * one string (Crossref's CSL-JSON flavour, as in content negotiation) or a list (the REST API);
 * both become lists.
 */
function normaliseWork(value: unknown): CrossrefWork | undefined {
  if (!isRecord(value) || typeof value.DOI !== 'string') return undefined;
  const work: Record<string, unknown> = { ...value };
  for (const key of ['title', 'subtitle', 'container-title'] as const) {
    if (typeof work[key] === 'string') work[key] = [work[key]];
    else if (work[key] !== undefined && !isStringArray(work[key])) return undefined;
  }
  const objectArrays = ['author', 'update-to', 'updated-by'] as const;
  if (objectArrays.some((key) => work[key] !== undefined && !isObjectArray(work[key]))) return undefined;
  const dates = ['issued', 'published', 'published-print', 'published-online'] as const;
  if (!dates.every((key) => work[key] === undefined || isRecord(work[key]))) return undefined;
  if (work.relation !== undefined && !isRecord(work.relation)) return undefined;
  return work as CrossrefWork;
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isObjectArray(value: unknown): boolean {
  return Array.isArray(value) && value.every(isRecord);
}
