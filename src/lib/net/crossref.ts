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
      if (!isRecord(body) || body.status !== 'ok' || !isWork(body.message)) {
        throw new MalformedResponseError(response.url, EXPECTED, response.text);
      }
      return body.message;
    },
  };
}

function isWork(value: unknown): value is CrossrefWork {
  if (!isRecord(value) || typeof value.DOI !== 'string') return false;
  const stringArrays = ['title', 'subtitle', 'container-title'] as const;
  if (stringArrays.some((key) => value[key] !== undefined && !isStringArray(value[key]))) return false;
  const objectArrays = ['author', 'update-to', 'updated-by'] as const;
  if (objectArrays.some((key) => value[key] !== undefined && !isObjectArray(value[key]))) return false;
  const dates = ['issued', 'published', 'published-print', 'published-online'] as const;
  return dates.every((key) => value[key] === undefined || isRecord(value[key]));
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isObjectArray(value: unknown): boolean {
  return Array.isArray(value) && value.every(isRecord);
}
