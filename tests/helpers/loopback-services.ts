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
