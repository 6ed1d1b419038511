/**
 * npm run ingest -- <file> [--format <format>] [--out <dir>] [--slug <slug>] [--resolve] [--force]
 * npm run ingest -- --pmid <pmid> | --pmcid <pmcid> | --doi <doi>  [--resolve] [--out <dir>] …
 * Turns a PubMed page, PubMed XML or PMC JATS into content/reviews/<slug>/.
 */
import { parseArgs } from 'node:util';
import { SourceError } from '../src/lib/errors.ts';
import { ingestFile, ingestSources, type IngestOptions } from '../src/lib/ingest.ts';
import { formatSummary } from '../src/lib/ingest-summary.ts';
import { MalformedResponseError, NetworkError } from '../src/lib/net/net-errors.ts';
import { fetchReviewSources } from '../src/lib/online/fetch-sources.ts';
import { fetchPmcFigureImages } from '../src/lib/online/pmc-figures.ts';
import { onlineServices } from '../src/lib/online/online-services.ts';
import { parseFormatName } from '../src/lib/parse/parse-source.ts';
import { EditedContentError } from '../src/lib/write/commit-review.ts';

const usage = `usage: npm run ingest -- <file> [--format pubmed-text|pubmed-html|pubmed-xml|jats] [options]
       npm run ingest -- --pmid <pmid> | --pmcid <pmcid> | --doi <doi> [options]
options: --out <dir> (default content)  --slug <slug>  --resolve  --force
environment: NCBI_API_KEY, NCBI_EMAIL (online use)`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content' },
        slug: { type: 'string' },
        format: { type: 'string' },
        pmid: { type: 'string' },
        pmcid: { type: 'string' },
        doi: { type: 'string' },
        resolve: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const ids = { pmid: values.pmid, pmcid: values.pmcid, doi: values.doi };
  const idCount = Object.values(ids).filter(Boolean).length;
  if (positionals.length + idCount !== 1) {
    console.error(usage);
    return 2;
  }
  try {
    const services = values.resolve || idCount > 0 ? onlineServices(process.env) : undefined;
    const options: IngestOptions = {
      out: values.out,
      force: values.force,
      ...(values.slug ? { slug: values.slug } : {}),
      ...(values.resolve && services ? { online: services.resolvers } : {}),
    };
    const [file] = positionals;
    let summaries;
    if (file) {
      summaries = await ingestFile(file, {
        ...options,
        ...(values.format ? { format: parseFormatName(values.format, file) } : {}),
      });
    } else if (services) {
      const sources = await fetchReviewSources(
        {
          ...(ids.pmid ? { pmid: ids.pmid } : {}),
          ...(ids.pmcid ? { pmcid: ids.pmcid } : {}),
          ...(ids.doi ? { doi: ids.doi } : {}),
        },
        services.eutils,
      );
      const { pmcOa } = services;
      summaries = await ingestSources(sources, {
        ...options,
        fetchImages: (review) =>
          review.meta.pmcid
            ? fetchPmcFigureImages(review.meta.pmcid, review.figures, pmcOa)
            : Promise.resolve({ images: new Map(), skipped: [] }),
      });
    } else {
      return 2;
    }
    console.log(summaries.map(formatSummary).join('\n\n'));
    return 0;
  } catch (error) {
    if (
      error instanceof SourceError ||
      error instanceof EditedContentError ||
      error instanceof NetworkError ||
      error instanceof MalformedResponseError
    ) {
      console.error(`ingest failed: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
