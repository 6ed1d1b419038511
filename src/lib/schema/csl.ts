import { z } from 'astro/zod';

/**
 * The subset of CSL-JSON that Lectern reads and writes. The official schema
 * (`csl-data.schema.json`, validated in `validate-csl.ts`) stays the authority;
 * this zod mirror gives the pages and scripts typed access to the same items.
 */

/** A CSL name: a person (`family` + `given`) or an organisation (`literal`). */
export const cslNameSchema = z.strictObject({
  /** Surname, e.g. "Darnell". */
  family: z.string().optional(),
  /** Given names or initials as printed, e.g. "JE". */
  given: z.string().optional(),
  /** Generational suffix such as "Jr." or "3rd". */
  suffix: z.string().optional(),
  /** A corporate or group author printed as one name. */
  literal: z.string().optional(),
  'dropping-particle': z.string().optional(),
  'non-dropping-particle': z.string().optional(),
});
export type CslName = z.infer<typeof cslNameSchema>;

/** A CSL date as `date-parts` ([[year, month?, day?]]), or the raw text when it has no parts. */
export const cslDateSchema = z.strictObject({
  'date-parts': z
    .array(
      z
        .array(z.union([z.number(), z.string()]))
        .min(1)
        .max(3),
    )
    .min(1)
    .max(2)
    .optional(),
  /** The date as printed, kept when it cannot be split into parts. */
  raw: z.string().optional(),
  literal: z.string().optional(),
  season: z.union([z.string(), z.number()]).optional(),
});
export type CslDate = z.infer<typeof cslDateSchema>;

/** A notice about a published work: PubMed's CommentsCorrections or JATS `related-article`. */
export const correctionSchema = z.strictObject({
  /** What the notice does to the work. */
  type: z.enum(['retraction', 'erratum', 'expression-of-concern', 'correction', 'update']),
  /** The notice's own citation as the source prints it. */
  citation: z.string().optional(),
  /** PMID of the notice. */
  pmid: z.string().regex(/^\d+$/).optional(),
  /** DOI of the notice. */
  doi: z.string().optional(),
});
export type Correction = z.infer<typeof correctionSchema>;

/** The link markers a PubMed page prints after a reference ("- DOI - PMC - PubMed"). */
export const pageLinkSchema = z.enum(['doi', 'pmc', 'pubmed']);
export type PageLink = z.infer<typeof pageLinkSchema>;

/** Lectern's own fields, kept in CSL `custom` so the item stays valid CSL-JSON. */
const lecternCustomObject = z.object({
  /** The reference exactly as the source printed it, so nothing of the source is lost. */
  verbatim: z.string().optional(),
  /** The reference's number in the review's own list (1-based). */
  number: z.number().int().positive().optional(),
  /** Link markers the PubMed page showed for this reference. */
  pageLinks: z.array(pageLinkSchema).optional(),
  /** The page marked the reference "Free PMC article". */
  freePmcArticle: z.boolean().optional(),
  /** The source listed more authors than it printed ("et al."). */
  authorsTruncated: z.boolean().optional(),
  /** What the parser could not read, in words, for the ingest summary. */
  parseWarnings: z.array(z.string()).optional(),
  /**
   * The reference could not be read with confidence from its printed string: the site shows
   * `verbatim` as printed (in every style) instead of formatting the fields, and exports add
   * the verbatim string in a note. The fields that were read stay on the item. Fields taken from
   * a PubMed or Crossref record (`fieldsFrom`) make it false.
   */
  shownVerbatim: z.boolean().optional(),
  /** How sure the reading is, from 0 (not at all) to 1 (every field its grammar expects, nothing left over). */
  parseConfidence: z.number().min(0).max(1).optional(),
  /** Why a reference is shown verbatim or less than fully confident, in words ("unparsed tail: …"). */
  parseDoubts: z.array(z.string()).optional(),
  /**
   * The printing style the reader recognised ("nlm", "medline", "author-year",
   * "year-after-names", "nature"), for the list and this entry.
   */
  citationStyle: z.string().optional(),
  /** The reference's id in its source (JATS `ref/@id`, e.g. "B12"), to resolve in-text links. */
  sourceId: z.string().optional(),
  /** Retractions, errata and expressions of concern known for this work. */
  corrections: z.array(z.lazy(() => correctionSchema)).optional(),
  /**
   * Where the bibliographic fields come from when not from the printed string: `pubmed` (the
   * PMID's PubMed record, efetch) or `crossref` (the DOI's Crossref work), filled in by
   * `--resolve`. The record wins for every field it has; where the printed string said otherwise
   * the difference is listed in `report.json` conflicts, and `verbatim` keeps the string.
   */
  fieldsFrom: z.enum(['pubmed', 'crossref']).optional(),
});
// Loose when parsing, so fields a later Lectern adds survive an older one; typed by the known fields.
export const lecternCustomSchema = lecternCustomObject.loose();
export type LecternCustom = z.infer<typeof lecternCustomObject>;

/** CSL item types Lectern produces (a subset of the official list). */
export const cslTypeSchema = z.enum([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'book',
  'chapter',
  'dataset',
  'document',
  'entry-encyclopedia',
  'paper-conference',
  'report',
  'software',
  'thesis',
  'webpage',
]);
export type CslType = z.infer<typeof cslTypeSchema>;

/** One reference as a CSL-JSON item. */
const cslItemObject = z.object({
  /** Stable key, e.g. `darnell1997`; what `[@darnell1997]` cites. */
  id: z.string().min(1),
  /** CSL item type; journal articles are `article-journal`. */
  type: cslTypeSchema,
  /** Authors in printed order. */
  author: z.array(cslNameSchema).optional(),
  /** Editors of a book or proceedings. */
  editor: z.array(cslNameSchema).optional(),
  /** Title of the work itself. */
  title: z.string().optional(),
  /** Journal or book title as printed (PubMed prints the NLM abbreviation). */
  'container-title': z.string().optional(),
  /** Abbreviated journal title. */
  'container-title-short': z.string().optional(),
  /** The series a book or proceedings volume belongs to ("NATO ASI Series"). */
  'collection-title': z.string().optional(),
  /** Publication date. */
  issued: cslDateSchema.optional(),
  /** Date a web page was consulted. */
  accessed: cslDateSchema.optional(),
  volume: z.string().optional(),
  issue: z.string().optional(),
  /** Page range with both ends written out, e.g. "1630-1635", or an e-locator. */
  page: z.string().optional(),
  publisher: z.string().optional(),
  'publisher-place': z.string().optional(),
  edition: z.string().optional(),
  /** DOI without the `https://doi.org/` prefix. */
  DOI: z.string().optional(),
  /** PubMed identifier (digits only). */
  PMID: z.string().regex(/^\d+$/).optional(),
  /** PubMed Central identifier with its `PMC` prefix. */
  PMCID: z
    .string()
    .regex(/^PMC\d+$/)
    .optional(),
  URL: z.string().optional(),
  ISBN: z.string().optional(),
  note: z.string().optional(),
  custom: lecternCustomSchema.optional(),
});
// Loose when parsing: CSL has many more fields (ISSN, abstract, …) and none may be dropped on load.
export const cslItemSchema = cslItemObject.loose();
export type CslItem = z.infer<typeof cslItemObject>;
/** A reference before it has its citation key. */
export type CslItemDraft = Omit<CslItem, 'id'>;
