/**
 * A library made of injection payloads: synthetic reviews in all three source formats with a
 * payload in every field, ingested with the real ingest into a temporary project (a copy of the
 * site's code with `node_modules` linked) and built there with the real `astro build`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFile } from '../../src/lib/ingest.ts';
import { DOI_PAYLOADS, PAYLOADS, URL_PAYLOADS } from '../hostile/payloads.ts';
import { jats, pageText, pubmedXml, type SyntheticReview } from '../hostile/synthetic-sources.ts';
import { buildTempProject, makeTempProject } from './temp-project.ts';

export interface InjectedReview {
  slug: string;
  format: 'pubmed-text' | 'pubmed-xml' | 'jats' | 'jats-markup';
  /** The review's title as the source gives it (it holds a payload). */
  title: string;
  /** Every payload placed in this review. */
  payloads: string[];
}

export interface InjectionSite {
  /** The temporary project; `dist/` is the built site. */
  project: string;
  dist: string;
  reviews: InjectedReview[];
}

const REVIEWS_PER_FORMAT = 6;

/** Review `n` of a format, taking payloads from `next()` for every field. */
function syntheticReview(
  n: number,
  next: () => string,
  k: number,
): { review: SyntheticReview; used: string[] } {
  const used: string[] = [];
  const take = (): string => {
    const p = next();
    used.push(p);
    return p;
  };
  const doi = DOI_PAYLOADS[k % DOI_PAYLOADS.length] ?? '10.1234/x';
  const url = URL_PAYLOADS[k % URL_PAYLOADS.length] ?? 'javascript:alert(0)';
  const review: SyntheticReview = {
    title: `Review ${n} ${take()}`,
    authors: [`Eve ${take()}`, 'Ada Lovelace'],
    journal: `J Inj ${n}`,
    // Distinct years keep the slugs (first author, year, journal) apart.
    year: 1990 + n,
    doi: `10.5555/injection.${n}`,
    pmid: String(30_000_000 + n),
    pmcid: `PMC${8_000_000 + n}`,
    abstract: `Background: ${take()} Results: ${take()}`,
    keywords: [take(), 'plain keyword'],
    captions: [`Caption ${take()}`, `Second ${take()}`],
    references: [
      { text: `Smith A, Jones B. ${take()}. Lancet. 2001;357:1-10.`, doi, url },
      { text: `Brown C. Models of tissue ${take()}. Nature. 2005;433:20-25.`, pmid: '15000002' },
      { text: `Mallory M. Available from: ${url} (accessed 1 May 2020).`, url },
    ],
    licence: { text: `Licence ${take()}`, url },
  };
  used.push(doi, url);
  return { review, used };
}

/** JATS whose elements themselves are hostile: script, img and links in title, abstract and body. */
function markupJats(review: SyntheticReview): string {
  return jats(review)
    .replace(
      /<article-title>[^<]*<\/article-title>/,
      '<article-title>Markup <script>alert(70)</script><img src="x" onerror="alert(71)"/> <italic onclick="alert(72)">title</italic></article-title>',
    )
    .replace(
      /<abstract><p>/,
      '<abstract><p><ext-link ext-link-type="uri" xlink:href="javascript:alert(73)">a link</ext-link> <uri xlink:href="data:text/html,&lt;script&gt;alert(74)&lt;/script&gt;">data</uri> <inline-graphic xlink:href="javascript:alert(75)"/> ',
    )
    .replace(
      /<sec><title>Introduction<\/title><p>/,
      '<sec><title>Intro <script>alert(76)</script></title><p><ext-link xlink:href="JaVaScRiPt:alert(77)">x</ext-link> <a href="javascript:alert(78)">a</a> <iframe src="javascript:alert(79)"/> <ext-link ext-link-type="doi" xlink:href="10.1234/&quot;&gt;&lt;b&gt;">doi</ext-link> ',
    )
    .replace(
      /<caption><p>/,
      '<caption><title>T <svg onload="alert(80)"/></title><p><style>p{x:expression(alert(81))}</style>',
    );
}

/** Writes every source into `dir`, ingests them into `content`, and returns what each review holds. */
export async function ingestPayloadSources(dir: string, content: string): Promise<InjectedReview[]> {
  let cursor = 0;
  const next = (): string => PAYLOADS[cursor++ % PAYLOADS.length] ?? '';
  const reviews: InjectedReview[] = [];
  const formats = [
    ['pubmed-text', 'txt', pageText],
    ['pubmed-xml', 'xml', pubmedXml],
    ['jats', 'nxml', jats],
    ['jats-markup', 'nxml', markupJats],
  ] as const;
  let n = 0;
  for (const [format, extension, write] of formats) {
    const count = format === 'jats-markup' ? 1 : REVIEWS_PER_FORMAT;
    for (let i = 0; i < count; i++) {
      n++;
      const { review, used } = syntheticReview(n, next, n);
      const file = join(dir, `injection-${n}.${extension}`);
      await writeFile(file, write(review));
      const [summary] = await ingestFile(file, { out: content });
      if (!summary) throw new Error(`${file} gave no review`);
      reviews.push({ slug: summary.slug, format, title: review.title, payloads: used });
    }
  }
  return reviews;
}

/** Copies the site's code into a temporary project, ingests the payload sources and builds it. */
export async function buildInjectionSite(): Promise<InjectionSite> {
  const project = await makeTempProject('injection');
  const sources = join(project, 'payload-sources');
  await mkdir(sources);
  const reviews = await ingestPayloadSources(sources, join(project, 'content'));
  return { project, dist: await buildTempProject(project), reviews };
}
