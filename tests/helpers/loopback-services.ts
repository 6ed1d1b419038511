import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createCrossref, type Crossref } from '../../src/lib/net/crossref.ts';
import { createEutils, type Eutils } from '../../src/lib/net/eutils.ts';
import { createHttpClient } from '../../src/lib/net/http-client.ts';

/**
 * NCBI's and Crossref's clients pointed at a loopback replay server, without rate limit or
 * retries. Loopback only: a request meant for a real host would be a bug in the test set-up.
 */
export function loopbackServices(origin: string): { eutils: Eutils; crossref: Crossref } {
  const client = createHttpClient({
    baseUrls: {
      'https://eutils.ncbi.nlm.nih.gov': origin,
      'https://pmc.ncbi.nlm.nih.gov': origin,
      'https://api.crossref.org': origin,
    },
    requestsPerSecond: 1000,
    timeoutMs: 5_000,
    retries: 0,
    userAgent: 'lectern-test',
    fetch: (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith('http://127.0.0.1:')) throw new Error(`not loopback: ${url}`);
      return fetch(input, init);
    },
  });
  return {
    eutils: createEutils({ client, email: 'dev@example.org' }),
    crossref: createCrossref({ client, mailto: 'dev@example.org' }),
  };
}

/** Every online service the ingest CLI may call: NCBI, PMC's Cloud Service bucket, Crossref. */
const ONLINE_HOSTS = [
  'https://eutils.ncbi.nlm.nih.gov',
  'https://pmc.ncbi.nlm.nih.gov',
  'https://pmc-oa-opendata.s3.amazonaws.com',
  'https://api.crossref.org',
];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run ingest -- <args>` as a user runs it, its online services redirected to `origin`
 * (a loopback replay server, or a closed port for "no network") through LECTERN_HTTP_REDIRECT.
 * Resolves with the exit code and output whether or not the CLI failed.
 */
export function ingestAgainst(origin: string, args: string[]): Promise<CliResult> {
  const redirect = ONLINE_HOSTS.map((host) => `${host}=${origin}`).join(',');
  return promisify(execFile)('npx', ['node', 'scripts/ingest.ts', ...args], {
    env: { ...process.env, LECTERN_HTTP_REDIRECT: redirect, NCBI_EMAIL: 'test@example.org' },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: unknown) => e as CliResult,
  );
}
