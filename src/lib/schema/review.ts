import { z } from 'astro/zod';
import { cslDateSchema, cslItemSchema, cslNameSchema } from './csl.ts';

/** The source formats Lectern parses into a `Review`. */
export const sourceFormatSchema = z.enum(['pubmed-text', 'pubmed-html', 'pubmed-xml', 'jats']);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;

/** The journal a review appeared in. */
export const journalSchema = z.strictObject({
  /** Full journal title, when the source has it. */
  title: z.string().optional(),
  /** NLM abbreviation as PubMed prints it, e.g. "JAKSTAT". */
  abbreviation: z.string().optional(),
});

/**
 * A review's metadata: what `content/reviews/<slug>/index.md` carries as frontmatter.
 * Every field is optional where a source may not print it; parsers never invent one.
 */
export const reviewMetaSchema = z.strictObject({
  /** Article title. */
  title: z.string().min(1),
  /** PubMed publication types, e.g. ["Review"]. */
  publicationTypes: z.array(z.string()).default([]),
  /** Authors as CSL names in printed order. */
  authors: z.array(cslNameSchema).default([]),
  /** The source printed only the first author(s) followed by "et al.". */
  authorsTruncated: z.boolean().default(false),
  journal: journalSchema.default({}),
  /** Publication date as CSL date parts. */
  issued: cslDateSchema.optional(),
  volume: z.string().optional(),
  issue: z.string().optional(),
  /** Page range, when the article has printed pages. */
  pages: z.string().optional(),
  /** Electronic locator (article number) such as "e23828". */
  eLocator: z.string().optional(),
  /** DOI of the review itself. */
  doi: z.string().optional(),
  /** PubMed identifier of the review. */
  pmid: z.string().regex(/^\d+$/).optional(),
  /** PubMed Central identifier of the review, with `PMC` prefix. */
  pmcid: z
    .string()
    .regex(/^PMC\d+$/)
    .optional(),
  /** Author keywords. */
  keywords: z.array(z.string()).default([]),
  /** Where this content came from, relative to the project's `content/` folder. */
  source: z.strictObject({ path: z.string(), format: sourceFormatSchema }),
  /** The review's reference list, relative to its `index.md`. */
  bibliography: z.string().default('references.json'),
});
export type ReviewMeta = z.infer<typeof reviewMetaSchema>;
export type ReviewMetaInput = z.input<typeof reviewMetaSchema>;

/** One labelled part of a structured abstract; an unstructured abstract is one section without label. */
export const abstractSectionSchema = z.strictObject({
  /** Section label such as "Background", absent for a plain abstract. */
  label: z.string().optional(),
  /** The section's text as Markdown. */
  text: z.string().min(1),
});
export type AbstractSection = z.infer<typeof abstractSectionSchema>;

/** Frontmatter of `content/reviews/<slug>/figures/<n>.md`; the caption is the Markdown body. */
export const figureMetaSchema = z.strictObject({
  /** Position of the figure in the review (1-based), used for `#figure-<n>`. */
  number: z.number().int().positive(),
  /** Label as printed, e.g. "Figure 1". */
  label: z.string().min(1),
  /** Image path relative to the figure file, when the source provides one. */
  image: z.string().optional(),
  /** Text alternative for the image. */
  alt: z.string().optional(),
});
export type FigureMeta = z.infer<typeof figureMetaSchema>;

export const figureSchema = figureMetaSchema.extend({
  /** The caption as Markdown. */
  caption: z.string(),
});
export type Figure = z.infer<typeof figureSchema>;

/** The one data model every parser produces and the writer consumes. */
export const reviewSchema = z.strictObject({
  /** URL segment and folder name, e.g. `bournazou-2013-jakstat`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  meta: reviewMetaSchema,
  abstract: z.array(abstractSectionSchema),
  figures: z.array(figureSchema),
  /** The reference list in the review's own order, as CSL-JSON. */
  references: z.array(cslItemSchema),
});
export type Review = z.infer<typeof reviewSchema>;
