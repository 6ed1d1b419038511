import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * A loopback HTTP server that answers like NCBI and Crossref from recorded responses
 * (`tests/fixtures/replay/*.json`), so tests exercise the real clients without any network.
 * Each test can script a route's next answers (429, 500, a hang, a dropped connection, a
 * malformed body) and read how often each route was hit.
 */

export const REPLAY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/replay');

/** One recorded response, as stored in a `tests/fixtures/replay/*.json` file. */
export interface ReplayRoute {
  /** Unique name; tests script and count by it. */
  name: string;
  method?: string;
  /** Decoded path, e.g. "/entrez/eutils/efetch.fcgi"; a final "*" matches any rest. */
  path: string;
  /** Query parameters that must be present with exactly these values ("*": present, any value). Others are ignored. */
  query?: Record<string, string>;
  status?: number;
  headers?: Record<string, string>;
  /** Body text; or `bodyFile`, a path relative to the replay folder; or `json`, sent stringified. */
  body?: string;
  bodyFile?: string;
  json?: unknown;
  /** Binary body built by the test (a generated image); never stored in a fixture file. */
  bytes?: Uint8Array;
  /** A JSON body built from a real fixture: element `index` of the array in `file`, placed at `at` inside `into`. */
  wrapJson?: { file: string; index: number; into: Record<string, unknown>; at: string };
  /**
   * An efetch answer from real PubMed XML files (`.xml` or `.xml.gz`, relative to the replay folder):
   * a `<PubmedArticleSet>` of the `<PubmedArticle>`s whose PMID the request's `id` lists, in the
   * order asked, byte for byte as the files hold them; PMIDs none of them has are left out, as
   * PubMed leaves out ids it does not know.
   */
  efetchFrom?: string[];
  /** Where the body comes from ("real fixture …" or "hand-written …"); documentation only. */
  provenance?: string;
}

export type ScriptedAnswer =
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: string | Uint8Array }
  /** Declare `declaredLength` bytes, send `body` (fewer), then close the socket: a cut-off download. */
  | { kind: 'truncate'; declaredLength: number; body: Uint8Array; headers?: Record<string, string> }
  /** Accept the request and never answer, to trigger the client's timeout. */
  | { kind: 'hang' }
  /** Close the socket without an answer. */
  | { kind: 'drop' };

export interface ReplayRequest {
  route: string | undefined;
  method: string;
  path: string;
  query: URLSearchParams;
}

export interface ReplayServer {
  /** "http://127.0.0.1:<port>" */
  origin: string;
  /** Requests in arrival order. */
  requests: ReplayRequest[];
  /** Hits of one route, or of all routes. */
  hits(route?: string): number;
  /** Requests no route matched (each answered 404). */
  unmatched(): ReplayRequest[];
  /** Answers the route's next hits with these, in order, before falling back to the recording. */
  script(route: string, ...answers: ScriptedAnswer[]): void;
  /** Adds or replaces a route for the rest of this server's life. */
  addRoute(route: ReplayRoute): void;
  close(): Promise<void>;
}

export function loadReplayRoutes(dir = REPLAY_DIR): ReplayRoute[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReplayRoute);
}

export async function startReplayServer(
  options: { routes?: ReplayRoute[]; dir?: string } = {},
): Promise<ReplayServer> {
  const dir = options.dir ?? REPLAY_DIR;
  const routes = new Map<string, ReplayRoute>();
  for (const route of options.routes ?? loadReplayRoutes(dir)) routes.set(route.name, route);
  const scripts = new Map<string, ScriptedAnswer[]>();
  const requests: ReplayRequest[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = safeDecode(url.pathname);
    const method = req.method ?? 'GET';
    const route = match([...routes.values()], method, path, url.searchParams);
    requests.push({ route: route?.name, method, path, query: url.searchParams });
    if (!route) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end(`no recorded response for ${method} ${req.url ?? ''}`);
      return;
    }
    const scripted = scripts.get(route.name)?.shift();
    if (scripted) return answerScripted(scripted, req, res);
    res.writeHead(route.status ?? 200, route.headers ?? {}).end(bodyOf(route, dir, url.searchParams));
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    hits: (route) =>
      requests.filter((r) => (route === undefined ? r.route !== undefined : r.route === route)).length,
    unmatched: () => requests.filter((r) => r.route === undefined),
    script: (route, ...answers) => {
      if (!routes.has(route)) throw new Error(`no replay route named ${route}`);
      scripts.set(route, [...(scripts.get(route) ?? []), ...answers]);
    },
    addRoute: (route) => routes.set(route.name, route),
    close: () =>
      new Promise((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

function answerScripted(answer: ScriptedAnswer, req: IncomingMessage, res: ServerResponse): void {
  if (answer.kind === 'hang') return; // closed by closeAllConnections() or the client's abort
  if (answer.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (answer.kind === 'truncate') {
    res.writeHead(200, { ...answer.headers, 'content-length': String(answer.declaredLength) });
    res.write(answer.body, () => req.socket.destroy());
    return;
  }
  res.writeHead(answer.status, answer.headers ?? {}).end(answer.body ?? '');
}

/** The most specific route that matches: exact paths before "*" paths, then most query keys. */
function match(
  routes: ReplayRoute[],
  method: string,
  path: string,
  query: URLSearchParams,
): ReplayRoute | undefined {
  let best: ReplayRoute | undefined;
  let bestScore = -1;
  for (const route of routes) {
    if ((route.method ?? 'GET') !== method) continue;
    const wildcard = route.path.endsWith('*');
    if (wildcard ? !path.startsWith(route.path.slice(0, -1)) : path !== route.path) continue;
    const wanted = Object.entries(route.query ?? {});
    if (!wanted.every(([k, v]) => (v === '*' ? query.has(k) : query.get(k) === v))) continue;
    const score = (wildcard ? 0 : 1000) + wanted.length;
    if (score > bestScore) {
      best = route;
      bestScore = score;
    }
  }
  return best;
}

function bodyOf(route: ReplayRoute, dir: string, query: URLSearchParams): string | Uint8Array {
  if (route.bytes !== undefined) return route.bytes;
  if (route.efetchFrom !== undefined) return efetchAnswer(route.efetchFrom, dir, query.get('id') ?? '');
  if (route.bodyFile !== undefined) return readFileSync(resolve(dir, route.bodyFile), 'utf8');
  if (route.json !== undefined) return JSON.stringify(route.json);
  if (route.wrapJson !== undefined) {
    const { file, index, into, at } = route.wrapJson;
    const list = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as unknown[];
    return JSON.stringify({ ...into, [at]: list[index] });
  }
  return route.body ?? '';
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const efetchRecords = new Map<string, Map<string, string>>();

/** The `<PubmedArticle>` elements of real PubMed XML files by PMID, read once per file set. */
function pubmedArticles(files: readonly string[], dir: string): Map<string, string> {
  const key = JSON.stringify([dir, files]);
  const cached = efetchRecords.get(key);
  if (cached) return cached;
  const byPmid = new Map<string, string>();
  for (const file of files) {
    const path = resolve(dir, file);
    const text = file.endsWith('.gz')
      ? gunzipSync(readFileSync(path)).toString('utf8')
      : readFileSync(path, 'utf8');
    for (const [article] of text.matchAll(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g)) {
      const pmid = /<MedlineCitation[^>]*>\s*<PMID[^>]*>(\d+)<\/PMID>/.exec(article)?.[1];
      if (pmid !== undefined && !byPmid.has(pmid)) byPmid.set(pmid, article);
    }
  }
  efetchRecords.set(key, byPmid);
  return byPmid;
}

function efetchAnswer(files: readonly string[], dir: string, ids: string): string {
  const articles = pubmedArticles(files, dir);
  const found = ids
    .split(',')
    .map((id) => articles.get(id.trim()))
    .filter((a): a is string => a !== undefined);
  return [
    '<?xml version="1.0" ?>',
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">',
    '<PubmedArticleSet>',
    ...found.map((a) => `${a}\n`),
    '</PubmedArticleSet>',
    '',
  ].join('\n');
}
