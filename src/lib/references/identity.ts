/**
 * A reference's identity on the site, in one place: its key, the URL segment of its permalink,
 * its anchor in the review's list and the paths of its pages and style files (export file
 * paths are src/lib/cite/exports.ts's, from the same segment). Every page, component, endpoint,
 * integration and client script asks here, so changing the URL shape touches this module only.
 * Paths are relative to the site root (callers add the base path through base-path.ts).
 */

/** Prefix of a reference's element id in the review's list: `bib-darnell1997`. */
export const ANCHOR_PREFIX = 'bib-';

/** URL segment of a reference (and the key rehype-citation writes in its ids): the key in lower case. */
export function referenceSegment(key: string): string {
  return key.toLowerCase();
}

/** The entry's element id in the review's list. */
export function referenceAnchor(key: string): string {
  return `${ANCHOR_PREFIX}${referenceSegment(key)}`;
}

/** The review page: `<slug>/`. */
export function reviewPath(slug: string): string {
  return `${slug}/`;
}

/** The review's reference browser: `<slug>/references/`. */
export function referencesPath(slug: string): string {
  return `${slug}/references/`;
}

/** A reference's permalink page: `<slug>/references/<segment>/`. */
export function referencePath(slug: string, key: string): string {
  return `${referencesPath(slug)}${referenceSegment(key)}/`;
}

/** The review's whole list in one export format: `<slug>/references.<extension>`. */
export function listExportPath(slug: string, extension: string): string {
  return `${slug}/references.${extension}`;
}

/** One reference in one export format: `<slug>/references/<segment>.<extension>`. */
export function entryExportPath(slug: string, segment: string, extension: string): string {
  return `${referencesPath(slug)}${segment}.${extension}`;
}

/** The entry in the review's list: `<slug>/#bib-<segment>`. */
export function referenceInListPath(slug: string, key: string): string {
  return `${reviewPath(slug)}#${referenceAnchor(key)}`;
}

/** Folder of a review's other-style files, relative to the review page: `styles/`. */
export const STYLE_FOLDER = 'styles/';

/** A review's entries in one citation style, as a classic script: `<slug>/styles/<style>.js`. */
export function styleScriptPath(slug: string, style: string): string {
  return `${reviewPath(slug)}${STYLE_FOLDER}${style}.js`;
}

/** The global the style scripts register their entries on (see style-scripts.ts). */
export const STYLE_GLOBAL = 'LECTERN_STYLES';
