/**
 * Whether a built file (a "/"-separated path under dist) is one reference's own export,
 * `<slug>/references/<id>.bib` (.ris, .nbib, .json), written by src/pages/[slug]/references/.
 * The zip and the service worker's precache leave these out: four files per reference would
 * pass ZIP's 65,535-entry limit at about 10,000 references and make a first visit download them
 * all, and each review's whole-list exports, which both keep, hold the same entries.
 */
export function isEntryExport(file: string): boolean {
  return /^[^/]+\/references\/[^/]+\.(?:bib|ris|nbib|json)$/.test(file);
}
