import { createCrossref } from '../net/crossref.ts';
import { createEutils, type Eutils } from '../net/eutils.ts';
import { createHttpClient, ncbiRequestsPerSecond } from '../net/http-client.ts';
import { createPmcOa, type PmcOa } from '../net/pmc-oa.ts';
import type { Resolvers } from '../resolve/resolve-references.ts';

export interface OnlineServices {
  eutils: Eutils;
  resolvers: Resolvers;
  /** PMC's open-access files (figure images), from the PMC Cloud Service. */
  pmcOa: PmcOa;
}

/**
 * NCBI and Crossref clients configured from the environment: NCBI_API_KEY and NCBI_EMAIL as
 * NCBI asks, and LECTERN_HTTP_REDIRECT ("https://eutils.ncbi.nlm.nih.gov=http://127.0.0.1:8080,…")
 * to send requests to a mirror or a test server instead.
 */
export function onlineServices(env: Record<string, string | undefined>): OnlineServices {
  const apiKey = env['NCBI_API_KEY'] || undefined;
  const email = env['NCBI_EMAIL'] || undefined;
  const baseUrls = redirects(env['LECTERN_HTTP_REDIRECT']);
  const userAgent = `lectern (+https://github.com/; ${email ?? 'no contact given'})`;
  const common = { baseUrls, timeoutMs: 30_000, retries: 4, userAgent };
  const ncbi = createHttpClient({ ...common, requestsPerSecond: ncbiRequestsPerSecond(apiKey) });
  // Crossref's public pool asks for politeness, not a fixed rate; its own client keeps NCBI's limit independent.
  const crossrefClient = createHttpClient({ ...common, requestsPerSecond: 5 });
  const eutils = createEutils({ client: ncbi, apiKey, email });
  const crossref = createCrossref({ client: crossrefClient, mailto: email });
  // The Cloud Service is S3, not an NCBI endpoint with a per-second quota; a modest rate of its own.
  const pmcOa = createPmcOa({ client: createHttpClient({ ...common, requestsPerSecond: 5 }) });
  return { eutils, resolvers: { ...eutils, ...crossref }, pmcOa };
}

function redirects(spec: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (spec ?? '').split(',').filter(Boolean)) {
    const [from, to] = pair.split('=');
    if (from && to) map[from.trim()] = to.trim();
  }
  return map;
}
