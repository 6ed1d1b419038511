import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { cslItemSchema } from './lib/schema/csl.ts';
import { figureMetaSchema, reviewMetaSchema } from './lib/schema/review.ts';
import { referenceListsLoader } from './lib/loaders/reference-lists.ts';

const REVIEWS = './content/reviews';

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

/** One entry per reference of every review's `references.json`. */
const references = defineCollection({
  loader: referenceListsLoader({ base: REVIEWS }),
  schema: z.object({
    /** Slug of the review whose list holds this reference. */
    review: z.string(),
    /** Position in that list (1-based). */
    number: z.number().int().positive(),
    /** The reference as CSL-JSON. */
    item: cslItemSchema,
  }),
});

export const collections = { reviews, figures, references, bodies };
