import { NetworkError, redactUrl } from './net-errors.ts';

export { MalformedResponseError, NetworkError, redactUrl } from './net-errors.ts';
export type { NetworkFailure } from './net-errors.ts';

/** Time as the client sees it; tests pass a fake one so backoff and rate limits cost no real time. */
export interface Clock {
  /** Milliseconds, monotonic enough for spacing requests. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface HttpClientOptions {
  /**
   * Origins to send elsewhere, e.g. `{ 'https://eutils.ncbi.nlm.nih.gov': 'http://127.0.0.1:4000' }`:
   * a request whose URL starts with a key goes to the value instead (tests, mirrors).
   */
  baseUrls?: Readonly<Record<string, string>>;
  /** Most requests started in any one second (NCBI: 3 without an API key, 10 with one). */
  requestsPerSecond: number;
  /** Per attempt, from sending to the end of the body. */
  timeoutMs: number;
  /** Further attempts after the first, on 429, 5xx and network failures. */
  retries: number;
  userAgent: string;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /** First backoff delay; doubles each retry. Default 500 ms. */
  backoffMs?: number;
  /** Longest wait before a retry; a `Retry-After` beyond it ends the retries. Default 60 s. */
  maxDelayMs?: number;
}

export interface RequestOptions {
  /** Query parameters to append; undefined values are left out. */
  params?: Readonly<Record<string, string | undefined>>;
  accept?: string;
  /** Statuses that are answers rather than failures (Crossref's 404 for an unknown DOI). */
  acceptStatus?: readonly number[];
}

export interface HttpResponse {
  /** The URL actually requested (after `baseUrls`). */
  url: string;
  status: number;
  contentType: string;
  text: string;
  /** Attempts it took, 1 when no retry was needed. */
  attempts: number;
}

/** A binary answer (an image); its body is capped so a hostile server cannot fill the memory. */
export interface HttpBytesResponse extends Omit<HttpResponse, 'text'> {
  bytes: Uint8Array;
}

export interface BytesRequestOptions extends RequestOptions {
  /** Largest body accepted: a larger declared `Content-Length` is refused before reading, a longer body is cut off. */
  maxBytes: number;
}

export interface HttpClient {
  get(url: string, options?: RequestOptions): Promise<HttpResponse>;
  /** The same request, retries and limits, for a binary body of at most `maxBytes`. */
  getBytes(url: string, options: BytesRequestOptions): Promise<HttpBytesResponse>;
  /** Requests sent so far, retries included. */
  readonly requestCount: number;
}

/** NCBI's documented ceiling: 3 requests a second, 10 with an API key. */
export function ncbiRequestsPerSecond(apiKey: string | undefined): number {
  return apiKey ? 10 : 3;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const backoffMs = options.backoffMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const acquire = createRateLimiter(options.requestsPerSecond, clock);
  let requestCount = 0;

  const backoff = (attempt: number): number => {
    const full = backoffMs * 2 ** (attempt - 1);
    return Math.min(maxDelayMs, full / 2 + (random() * full) / 2);
  };

  async function send(
    target: string,
    request: RequestOptions,
    maxBytes: number | undefined,
  ): Promise<HttpBytesResponse> {
    const url = buildUrl(rebase(target, options.baseUrls), request.params);
    const host = hostOf(url);
    const headers: Record<string, string> = { 'user-agent': options.userAgent };
    if (request.accept) headers.accept = request.accept;

    for (let attempt = 1; ; attempt += 1) {
      await acquire();
      requestCount += 1;
      const outcome = await attemptOnce(doFetch, url, headers, options.timeoutMs, maxBytes);
      const canRetry = attempt <= options.retries;

      if ('tooLarge' in outcome) {
        // Not retried: the same resource will be as large the next time.
        throw new NetworkError({
          url,
          attempts: attempt,
          failure: 'too-large',
          message: `${host} sent more than ${maxBytes ?? 0} bytes (${outcome.tooLarge}) [GET ${redactUrl(url)}]`,
        });
      }

      if ('error' in outcome) {
        const failure = describeFailure(outcome.error, host, options.timeoutMs);
        if (canRetry) {
          await clock.sleep(backoff(attempt));
          continue;
        }
        throw new NetworkError({
          url,
          attempts: attempt,
          failure: failure.kind,
          message: `${failure.message} [GET ${redactUrl(url)}, ${plural(attempt, 'attempt')}]`,
        });
      }

      const { status, bytes, retryAfter, contentType } = outcome;
      if ((status >= 200 && status < 300) || request.acceptStatus?.includes(status)) {
        return { url, status, contentType, bytes, attempts: attempt };
      }
      const retryable = status === 429 || status === 408 || status >= 500;
      const waitAsked = parseRetryAfter(retryAfter, Date.now());
      const tooLong = waitAsked !== undefined && waitAsked > maxDelayMs;
      if (retryable && canRetry && !tooLong) {
        await clock.sleep(Math.max(backoff(attempt), waitAsked ?? 0));
        continue;
      }
      const why = tooLong
        ? `; it asked to retry after ${Math.ceil(waitAsked / 1000)} s, longer than Lectern waits`
        : '';
      throw new NetworkError({
        url,
        status,
        attempts: attempt,
        failure: 'http',
        message: `${host} answered HTTP ${status}${why} [GET ${redactUrl(url)}, ${plural(attempt, 'attempt')}]`,
      });
    }
  }

  return {
    async get(target, request = {}) {
      const { bytes, ...rest } = await send(target, request, undefined);
      return { ...rest, text: new TextDecoder().decode(bytes) };
    },
    getBytes: (target, request) => send(target, request, request.maxBytes),
    get requestCount() {
      return requestCount;
    },
  };
}

type Outcome =
  | { status: number; bytes: Uint8Array; retryAfter: string | null; contentType: string }
  | { error: unknown }
  | { tooLarge: string };

async function attemptOnce(
  doFetch: typeof fetch,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  maxBytes: number | undefined,
): Promise<Outcome> {
  try {
    // One signal for the whole attempt, so a body that stalls halfway also times out.
    const response = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (maxBytes !== undefined && declared > maxBytes) {
      await response.body?.cancel();
      return { tooLarge: `it declared ${declared}` };
    }
    const bytes = await readBody(response, maxBytes);
    if (bytes === undefined) return { tooLarge: 'the body ran past the limit' };
    return {
      status: response.status,
      bytes,
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type') ?? '',
    };
  } catch (error) {
    return { error };
  }
}

/** The whole body, or undefined once it passes `maxBytes` (the rest is never read). */
async function readBody(response: Response, maxBytes: number | undefined): Promise<Uint8Array | undefined> {
  if (maxBytes === undefined || !response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * At most `perSecond` request starts in any window of one second (a sliding-window token bucket),
 * handed out one caller at a time so concurrent callers cannot overtake each other.
 */
function createRateLimiter(perSecond: number, clock: Clock): () => Promise<void> {
  if (!(perSecond > 0)) throw new RangeError(`requestsPerSecond must be positive, got ${perSecond}`);
  const capacity = Math.max(1, Math.floor(perSecond));
  const windowMs = (capacity * 1000) / perSecond;
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  return () => {
    const turn = queue.then(async () => {
      for (;;) {
        const now = clock.now();
        while (starts.length > 0 && now - (starts[0] ?? now) >= windowMs) starts.shift();
        if (starts.length < capacity) {
          starts.push(now);
          return;
        }
        await clock.sleep(windowMs - (now - (starts[0] ?? now)));
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
}

function rebase(url: string, baseUrls: Readonly<Record<string, string>> | undefined): string {
  for (const [from, to] of Object.entries(baseUrls ?? {})) {
    if (url.startsWith(from)) return to.replace(/\/$/, '') + url.slice(from.replace(/\/$/, '').length);
  }
  return url;
}

function buildUrl(base: string, params: RequestOptions['params']): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.toString();
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Retry-After as milliseconds to wait: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function describeFailure(
  error: unknown,
  host: string,
  timeoutMs: number,
): { kind: 'offline' | 'timeout' | 'dropped'; message: string } {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && chain.length < 8;) {
    chain.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  const names = chain.map((e) => (e instanceof Error ? e.name : ''));
  if (names.includes('TimeoutError')) {
    return { kind: 'timeout', message: `timed out after ${timeoutMs} ms waiting for ${host}` };
  }
  const coded = chain.find((e): e is { code: string } => typeof codeOf(e) === 'string');
  const code = coded ? codeOf(coded) : undefined;
  const last = chain.at(-1);
  const detail = last instanceof Error ? last.message : String(last);
  if (code !== undefined && OFFLINE_CODES.has(code)) {
    return { kind: 'offline', message: `no network: could not reach ${host} (${code})` };
  }
  return {
    kind: 'dropped',
    message: `connection to ${host} failed before a complete answer (${code ?? detail})`,
  };
}

function codeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value)) return undefined;
  return typeof value.code === 'string' ? value.code : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
