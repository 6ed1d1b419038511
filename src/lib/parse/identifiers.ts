/**
 * Identifiers printed inside a reference: DOI, PMID, PMCID, URL, ISBN. Each finder returns the
 * value and the span it occupied, so the caller can blank the span out before reading the rest.
 */

export interface Found {
  value: string;
  start: number;
  end: number;
}

const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;

/** A DOI as the registry would accept it: "10.<registrant>/<suffix>", no spaces, sane length. */
export function isPlausibleDoi(doi: string): boolean {
  return doi.length <= 300 && DOI_SHAPE.test(doi);
}

function unbalancedCloser(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === open) depth += 1;
    else if (ch === close) depth -= 1;
  }
  return depth < 0;
}

/**
 * Strips what a sentence adds after a DOI (".", ",", ";", an unbalanced ")" or "]") and any
 * resolver prefix; keeps case and every character that belongs to the DOI itself, such as the
 * "<", ">", "#" of old SICI DOIs.
 */
export function normalizeDoi(raw: string): string {
  let doi = raw.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi\s*:\s*)/i, '');
  for (;;) {
    const last = doi.at(-1);
    if (last === '.' || last === ',' || last === ';' || last === ':' || last === "'" || last === '"') {
      doi = doi.slice(0, -1);
    } else if (last === ')' && unbalancedCloser(doi, '(', ')')) {
      doi = doi.slice(0, -1);
    } else if (last === ']' && unbalancedCloser(doi, '[', ']')) {
      doi = doi.slice(0, -1);
    } else {
      return doi;
    }
  }
}

function decodeUrlDoi(doi: string): string {
  if (!doi.includes('%')) return doi;
  try {
    return decodeURIComponent(doi);
  } catch {
    return doi;
  }
}

// A label ("doi:", "DOI", "https://doi.org/") then the DOI up to the next space. Anchoring on
// the label keeps bare "10.x/y" text (page ranges, versions) from being read as a DOI.
const DOI_LABELLED = /(?:\bdoi\b\s*:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/\S+)/gi;
const DOI_BARE = /(?<![\w/.])(10\.\d{4,9}\/\S+)/g;

// After a DOI that ends in a period: digits alone, then the end of a word (not "2006;" or "2006:").
const BROKEN_DOI_TAIL = /^\s+\d+\.?(?=\s|$)/;

/** The first DOI printed in the text (labelled ones preferred), or undefined. */
export function findDoi(text: string): Found | undefined {
  for (const pattern of [DOI_LABELLED, DOI_BARE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const raw = m[1] ?? '';
      const doi = normalizeDoi(m[0].toLowerCase().includes('doi.org') ? decodeUrlDoi(raw) : raw);
      // "10.1371/journal.pbio. 1001425": a DOI broken by a space after its last period. Joining the
      // pieces would be a guess and the part before the space is another DOI, so neither is taken.
      if (raw.endsWith('.') && BROKEN_DOI_TAIL.test(text.slice(m.index + m[0].length))) continue;
      if (isPlausibleDoi(doi)) return { value: doi, start: m.index, end: m.index + m[0].length };
    }
  }
  return undefined;
}

// Citing Medicine (and the NLM CSL style) labels them "PubMed PMID: …" and "PubMed Central
// PMCID: …"; the span takes the whole label so no stray "PubMed" is left to read.
export function findPmid(text: string): Found | undefined {
  const m = /\b(?:PubMed\s+)?PMID\s*:?\s*(\d{1,10})\b/i.exec(text);
  return m?.[1] ? { value: m[1], start: m.index, end: m.index + m[0].length } : undefined;
}

export function findPmcid(text: string): Found | undefined {
  const m = /\b(?:(?:PubMed\s+Central\s+)?PMCID\s*:?\s*)?(PMC\d{1,10})\b/i.exec(text);
  if (!m?.[1]) return undefined;
  return { value: m[1].toUpperCase(), start: m.index, end: m.index + m[0].length };
}

function trimUrl(url: string): string {
  let out = url;
  for (;;) {
    const last = out.at(-1);
    if (last === '.' || last === ',' || last === ';' || last === ':') out = out.slice(0, -1);
    else if (last === ')' && unbalancedCloser(out, '(', ')')) out = out.slice(0, -1);
    else if (last === ']' && unbalancedCloser(out, '[', ']')) out = out.slice(0, -1);
    else if (last === '>' && unbalancedCloser(out, '<', '>')) out = out.slice(0, -1);
    else return out;
  }
}

/**
 * The web address a reference points to: after "Available from:"/"Available at:"/"URL:" if
 * printed, else the first http(s) address that is not a DOI resolver link. The span includes
 * the label so it can be blanked with it.
 */
export function findUrl(text: string): Found | undefined {
  const labelled = /\b(?:Available (?:from|at)|URL)\s*:?\s*<?(https?:\/\/\S+|www\.\S+)/i.exec(text);
  if (labelled?.[1]) {
    const value = trimUrl(labelled[1]);
    return { value, start: labelled.index, end: labelled.index + labelled[0].length };
  }
  const bare = /https?:\/\/(?!(?:dx\.)?doi\.org\/)\S+/gi;
  for (let m = bare.exec(text); m; m = bare.exec(text)) {
    return { value: trimUrl(m[0]), start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

export function findIsbn(text: string): Found | undefined {
  const m = /\bISBN(?:-1[03])?\s*:?\s*((?:97[89][- ]?)?\d[\d -]{7,14}[\dXx])\b/.exec(text);
  if (!m?.[1]) return undefined;
  return { value: m[1].replace(/\s+/g, '-'), start: m.index, end: m.index + m[0].length };
}
