import { z } from 'astro/zod';
import { correctionSchema, cslDateSchema, cslItemSchema, cslNameSchema } from './csl.ts';

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

/** An author of the review: a CSL name plus what PubMed and JATS add about the person. */
export const reviewAuthorSchema = cslNameSchema.extend({
  /** ORCID iD as a bare identifier, e.g. "0000-0002-1825-0097". */
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/)
    .optional(),
  /** Affiliations as printed. */
  affiliations: z.array(z.string()).optional(),
});
export type ReviewAuthor = z.infer<typeof reviewAuthorSchema>;

/** The licence a review is published under, as its source states it. */
export const licenceSchema = z.strictObject({
  /** Licence statement as printed, e.g. "This is an Open Access article distributed under…". */
  text: z.string().optional(),
  /** Licence URL, e.g. "http://creativecommons.org/licenses/by/2.0". */
  url: z.string().optional(),
  /** Copyright line, e.g. "Copyright ©2011 Dennehy and Wang". */
  copyright: z.string().optional(),
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
  /** Authors in printed order. */
  authors: z.array(reviewAuthorSchema).default([]),
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
  /** Licence of the article's content, when the source states one. */
  licence: licenceSchema.optional(),
  /** Retractions, errata, expressions of concern published about this review. */
  corrections: z.array(correctionSchema).default([]),
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
  /**
   * The section's text as Markdown. Parsers escape source text (`escapeMarkdown`) and may add
   * only `*emphasis*`, `**strong**` and inline `<sub>`/`<sup>` for markup the source carries.
   */
  text: z.string().min(1),
});
export type AbstractSection = z.infer<typeof abstractSectionSchema>;

/** Frontmatter of `content/reviews/<slug>/figures/<n>.md`; the caption is the Markdown body. */
export const figureMetaSchema = z.strictObject({
  /** Position of the figure in the review (1-based), used for `#figure-<n>`. */
  number: z.number().int().positive(),
  /** Label as printed, e.g. "Figure 1". */
  label: z.string().min(1),
  /** Image path relative to the figure file, when the image file is in the content. */
  image: z.string().optional(),
  /** The image's name in the source (JATS `graphic/@xlink:href`), kept even without the file. */
  graphic: z.string().optional(),
  /** Text alternative for the image. */
  alt: z.string().optional(),
});
export type FigureMeta = z.infer<typeof figureMetaSchema>;

export const figureSchema = figureMetaSchema.extend({
  /** The caption as Markdown, escaped like abstract text. */
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
  /** Full text as Markdown (`## Section` headings, citations as `[@key]`), for open-access sources. */
  body: z.string().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** A reference a parser could not read completely, for the ingest summary. */
export interface IncompleteReference {
  number: number;
  /** Line of the source (or of the XML element) where the reference starts. */
  line: number;
  text: string;
  warnings: string[];
  /** Shown as printed: not read with confidence (`custom.shownVerbatim`). */
  shownVerbatim?: boolean;
}

/** What every parser returns for each article in its source. */
export interface ParsedReview {
  review: Review;
  incomplete: IncompleteReference[];
}
