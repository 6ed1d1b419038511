/**
 * npm run ingest -- <file> [--out <dir>] [--slug <slug>] [--force]
 * Turns a PubMed page (copied as text) into content/reviews/<slug>/.
 */
import { parseArgs } from 'node:util';
import { SourceError } from '../src/lib/errors.ts';
import { ingestFile } from '../src/lib/ingest.ts';
import { formatSummary } from '../src/lib/ingest-summary.ts';
import { parseFormatName } from '../src/lib/parse/parse-source.ts';
import { EditedContentError } from '../src/lib/write/commit-review.ts';

const usage =
  'usage: npm run ingest -- <file> [--format pubmed-text|pubmed-html|pubmed-xml|jats] [--out <dir>] [--slug <slug>] [--force]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content' },
        slug: { type: 'string' },
        format: { type: 'string' },
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
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  try {
    const summaries = await ingestFile(file, {
      out: values.out,
      force: values.force,
      ...(values.slug ? { slug: values.slug } : {}),
      ...(values.format ? { format: parseFormatName(values.format, file) } : {}),
    });
    console.log(summaries.map(formatSummary).join('\n\n'));
    return 0;
  } catch (error) {
    if (error instanceof SourceError || error instanceof EditedContentError) {
      console.error(`ingest failed: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
