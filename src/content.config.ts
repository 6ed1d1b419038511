import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { figureMetaSchema, reviewMetaSchema } from './lib/schema/review.ts';
import { referenceListsLoader } from './lib/loaders/reference-lists.ts';
import { REVIEWS_FOLDER } from './lib/references/library-location.ts';

const REVIEWS = `./${REVIEWS_FOLDER}`;

/** One entry per review: `content/reviews/<slug>/index.md`, metadata + abstract. */
const reviews = defineCollection({
  loader: glob({
    pattern: '*/index.md',
    base: REVIEWS,
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: reviewMetaSchema,
});

/** One entry per figure: `content/reviews/<slug>/figures/<n>.md`, caption as body. */
const figures = defineCollection({
  loader: glob({
    pattern: '*/figures/*.md',
    base: REVIEWS,
    generateId: ({ entry }) => entry.replace(/\/figures\//, '/').replace(/\.md$/, ''),
  }),
  schema: ({ image }) => figureMetaSchema.extend({ image: image().optional() }),
});

/** Full text of open-access reviews: `content/reviews/<slug>/body.md`, Markdown without frontmatter. */
const bodies = defineCollection({
  loader: glob({
    pattern: '*/body.md',
    base: REVIEWS,
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: z.object({}),
});

/**
 * The reference layer, one entry per review (by slug): where the loader wrote the review's
 * references with their identity, entries in every style, search records and citation sites
 * (src/lib/references/library.ts, layer-files.ts), and the digest of that file. Pages read it
 * through src/lib/references/read-layer.ts. The layer checks each list against the CSL schema
 * as it reads it.
 */
const references = defineCollection({
  loader: referenceListsLoader({ base: REVIEWS }),
  schema: z.object({ file: z.string(), digest: z.string() }),
});

export const collections = { reviews, figures, references, bodies };
