/**
 * Errors from talking to remote services. Each names the URL (with any `api_key` blanked out)
 * and says in words what went wrong, so the console shows a sentence, never a raw stack.
 */

/** What kind of failure a `NetworkError` is. */
/** `too-large`: a binary answer over the caller's byte limit (never retried). */
export type NetworkFailure = 'offline' | 'timeout' | 'dropped' | 'http' | 'too-large';

/** A request that did not get a usable answer after all its attempts. */
export class NetworkError extends Error {
  readonly url: string;
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  /** How many times the request was sent, retries included. */
  readonly attempts: number;
  readonly failure: NetworkFailure;

  constructor(options: {
    url: string;
    status?: number | undefined;
    attempts: number;
    failure: NetworkFailure;
    message: string;
  }) {
    super(options.message);
    this.name = 'NetworkError';
    this.url = redactUrl(options.url);
    this.status = options.status;
    this.attempts = options.attempts;
    this.failure = options.failure;
  }
}

/** An answer that arrived but is not what the service documents (HTML error page, cut-off JSON…). */
export class MalformedResponseError extends Error {
  readonly url: string;
  readonly expected: string;

  constructor(url: string, expected: string, found?: string) {
    const safeUrl = redactUrl(url);
    const got = found === undefined ? '' : ` (found: ${JSON.stringify(snippet(found))})`;
    super(`${safeUrl}: expected ${expected}${got}`);
    this.name = 'MalformedResponseError';
    this.url = safeUrl;
    this.expected = expected;
  }
}

/** The URL with secrets (`api_key`) replaced, safe for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.searchParams.has('api_key')) parsed.searchParams.set('api_key', '***');
    return parsed.toString();
  } catch {
    return url.replace(/api_key=[^&]*/g, 'api_key=***');
  }
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 79)}…`;
}
