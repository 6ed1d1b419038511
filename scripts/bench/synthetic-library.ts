/**
 * Deterministic synthetic PubMed article pages, in the format a browser copies from PubMed
 * (content/sources/bournazou-2013-jakstat.pubmed.txt): header, abstract, keywords, figures and
 * a numbered NLM reference list with the page's "- DOI - PubMed" link markers. The same seed
 * always gives the same text, byte for byte.
 */

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number): boolean => rng() < p;

const FAMILY = [
  'Smith',
  'Zhang',
  'Wang',
  'Müller',
  'García',
  'Nakamura',
  'Kowalski',
  'Rossi',
  'Dubois',
  'Johansson',
  'Okafor',
  'Patel',
  'Kim',
  'Nguyen',
  'Silva',
  'Cohen',
  'Ivanova',
  'Bromberg',
  'Yu',
  'Li',
  'Chen',
  'Schmidt',
  'Andersen',
  'Papadopoulos',
  'Fernández',
  "O'Brien",
  'van der Berg',
  'De Luca',
  'Hernández',
  'Kumar',
  'Tanaka',
  'Novak',
  'Lindqvist',
  'Moreau',
  'Bianchi',
  'Yilmaz',
  'Haddad',
  'Mensah',
  'Walsh',
  'Sato',
  'Park',
  'Singh',
  'Costa',
  'Weber',
  'Jensen',
  'Murphy',
  'Lopez',
  'Horvath',
  'Fischer',
  'Ng',
] as const;
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVWY';
const GIVEN = [
  'Anna',
  'Eirini',
  'Jacqueline',
  'Hua',
  'Richard',
  'Maria',
  'Kenji',
  'Olga',
  'Pierre',
  'Sara',
  'Chinedu',
  'Priya',
  'Min-jun',
  'Lan',
  'João',
  'David',
  'Elena',
  'Tomasz',
  'Ingrid',
  'Ahmed',
] as const;

const TOPIC = [
  'STAT3',
  'JAK2',
  'interleukin-6',
  'tumor-associated macrophages',
  'myeloid-derived suppressor cells',
  'regulatory T cells',
  'PD-L1',
  'VEGF',
  'hypoxia-inducible factor 1',
  'NF-kappaB',
  'TGF-beta',
  'cancer-associated fibroblasts',
  'dendritic cells',
  'IL-10',
  'cyclin D1',
  'Bcl-xL',
  'SOCS3',
  'gp130',
  'EGFR',
  'KRAS',
  'the gut microbiome',
  'bacteriophage lambda',
  'CRISPR-Cas9',
] as const;
const VERB = [
  'regulates',
  'promotes',
  'suppresses',
  'is required for',
  'mediates',
  'drives',
  'inhibits',
  'controls',
  'sustains',
  'modulates',
] as const;
const OUTCOME = [
  'tumor growth',
  'metastasis',
  'immune evasion',
  'angiogenesis',
  'chemoresistance',
  'cell survival',
  'inflammation-associated carcinogenesis',
  'epithelial-mesenchymal transition',
  'T-cell exhaustion',
  'lysogeny',
  'biofilm formation',
  'stem cell self-renewal',
] as const;
const CONTEXT = [
  'in breast cancer',
  'in a mouse model of colitis',
  'in human hepatocellular carcinoma',
  'in vivo',
  'in patients with multiple myeloma',
  'in Escherichia coli',
  'in glioblastoma',
  'through paracrine signaling',
  'in the premetastatic niche',
  'after radiotherapy',
  '',
] as const;
const TITLE_FORMS = [
  (t: string, v: string, o: string, c: string) => `${t} ${v} ${o} ${c}`.trim(),
  (t: string, _v: string, o: string, c: string) => `Role of ${t} in ${o} ${c}`.trim(),
  (t: string, _v: string, o: string) => `Targeting ${t} to overcome ${o}: a preclinical study`,
  (t: string, _v: string, o: string, c: string) =>
    `${t.charAt(0).toUpperCase()}${t.slice(1)} signaling and ${o} ${c}`.trim(),
  (t: string, _v: string, o: string) => `The ${t} pathway in ${o}--new molecular targets come of age`,
] as const;
const JOURNALS = [
  'Science',
  'Nature',
  'Cell',
  'Nat Rev Cancer',
  'J Clin Invest',
  'Proc Natl Acad Sci U S A',
  'J Biol Chem',
  'Cancer Res',
  'Oncogene',
  'Nat Med',
  'J Immunol',
  'Blood',
  'Cancer Cell',
  'Immunity',
  'PLoS One',
  'Nucleic Acids Res',
  'BMC Microbiol',
  'Clin Cancer Res',
  'J Exp Med',
  'Mol Cell Biol',
  'JAKSTAT',
  'Front Immunol',
  'Sci Rep',
  'N Engl J Med',
  'Lancet Oncol',
] as const;
const DOI_PREFIX = [
  '10.1126/science',
  '10.1038/nrc',
  '10.1172/JCI',
  '10.1073/pnas',
  '10.1074/jbc.M',
  '10.1158/0008-5472.CAN',
  '10.1038/onc',
  '10.1016/j.ccr',
  '10.4049/jimmunol',
  '10.1371/journal.pone',
  '10.1093/nar/gk',
] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WORDS = (
  'signaling pathway tumor microenvironment cytokine receptor activation persistent expression ' +
  'immune response therapeutic approach inhibitor patients cells model survival metastasis growth ' +
  'inflammation recruitment stromal myeloid lymphocyte transcription factor target gene evidence ' +
  'clinical trial resistance mechanism phosphorylation kinase downstream effector network niche'
).split(' ');
const KEYWORDS = [
  'IL-6',
  'JAK-STAT3 signaling',
  'targeted therapies',
  'tumor microenvironment',
  'immunotherapy',
  'inflammation',
  'metastasis',
  'cytokines',
  'myeloid cells',
  'angiogenesis',
  'bacteriophage',
  'biofilm',
] as const;

function initials(rng: Rng): string {
  let s = INITIALS.charAt(int(rng, 0, INITIALS.length - 1));
  if (chance(rng, 0.55)) s += INITIALS.charAt(int(rng, 0, INITIALS.length - 1));
  return s;
}

function nlmAuthors(rng: Rng): string {
  if (chance(rng, 0.03)) return pick(rng, ['WHO Collaborating Group', 'International Myeloma Working Group']);
  const count = chance(rng, 0.3) ? int(rng, 7, 9) : int(rng, 1, 6);
  const names: string[] = [];
  for (let i = 0; i < Math.min(count, 6); i++) {
    names.push(`${pick(rng, FAMILY)} ${initials(rng)}${i === 0 && chance(rng, 0.03) ? ', Jr' : ''}`);
  }
  return count > 6 ? `${names.join(', ')}, et al` : names.join(', ');
}

function articleTitle(rng: Rng): string {
  const form = pick(rng, TITLE_FORMS);
  const title = form(pick(rng, TOPIC), pick(rng, VERB), pick(rng, OUTCOME), pick(rng, CONTEXT));
  return `${title.charAt(0).toUpperCase()}${title.slice(1)}`;
}

function pages(rng: Rng): string {
  if (chance(rng, 0.12)) return `e${int(rng, 1000, 99999)}`;
  const first = int(rng, 1, 14000);
  const last = first + int(rng, 2, 18);
  // NLM abbreviates the last page ("1630-5"); en dash as PubMed prints it.
  const a = String(first);
  const b = String(last);
  let k = 0;
  while (k < a.length - 1 && a.length === b.length && a[k] === b[k]) k++;
  return `${a}–${b.slice(k)}`;
}

function doi(rng: Rng, year: number): string {
  return `${pick(rng, DOI_PREFIX)}${year}.${int(rng, 100, 99999)}`;
}

/** One NLM reference string (without link markers) and the markers PubMed prints after it. */
export function referenceString(rng: Rng): { text: string; markers: string } {
  const year = int(rng, 1975, 2023);
  const hasDoi = chance(rng, 0.7);
  const withPmc = chance(rng, 0.35);
  if (chance(rng, 0.05)) {
    // A book chapter.
    const editors = `${pick(rng, FAMILY)} ${initials(rng)}, ${pick(rng, FAMILY)} ${initials(rng)}`;
    const text =
      `${nlmAuthors(rng)}. ${articleTitle(rng)}. In: ${editors}, editors. ` +
      `${pick(rng, ['Cytokines in Cancer', 'Principles of Immunology', 'Signal Transduction'])}. ` +
      `${pick(rng, ['New York', 'Berlin', 'London', 'Boston'])}: ${pick(rng, ['Springer', 'Elsevier', 'Academic Press'])}; ` +
      `${year}. p. ${int(rng, 1, 300)}-${int(rng, 301, 600)}.`;
    return { text, markers: '' };
  }
  const month = chance(rng, 0.4) ? ` ${pick(rng, MONTHS)}` : '';
  const volume = int(rng, 1, 450);
  const issue = chance(rng, 0.5) ? `(${int(rng, 1, 24)})` : '';
  const d = hasDoi ? ` doi: ${doi(rng, year)}.` : '';
  const text =
    `${nlmAuthors(rng)}. ${articleTitle(rng)}. ${pick(rng, JOURNALS)}. ` +
    `${year}${month};${volume}${issue}:${pages(rng)}.${d}`;
  const markers = ` -${hasDoi ? ' DOI -' : ''}${withPmc ? ' PMC -' : ''} PubMed`;
  return { text, markers };
}

/** `count` NLM reference strings as the parser sees them (markers removed). */
export function referenceStrings(count: number, seed = 1): string[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, () => referenceString(rng).text);
}

function sentence(rng: Rng): string {
  const words = Array.from({ length: int(rng, 10, 24) }, () => pick(rng, WORDS));
  words.splice(int(rng, 1, words.length - 1), 0, pick(rng, TOPIC));
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

export interface SyntheticSource {
  /** File name under `content/sources/`. */
  name: string;
  /** Slug of the review it holds. */
  slug: string;
  text: string;
  references: number;
  /** The reference strings as the citation parser sees them (link markers removed). */
  citations: string[];
}

/** One synthetic PubMed page with `references` references. */
export function syntheticReview(index: number, references: number, seed = 1): SyntheticSource {
  const rng = seededRandom(seed * 1_000_003 + index * 7919 + references);
  const year = int(rng, 2005, 2023);
  const journal = pick(rng, JOURNALS);
  const authors = Array.from({ length: int(rng, 2, 5) }, () => `${pick(rng, GIVEN)} ${pick(rng, FAMILY)}`);
  const title = `${articleTitle(rng)}: a review`;
  const volume = int(rng, 1, 60);
  const lines = [
    'Skip to main page content',
    'Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation',
    'Review',
    `${journal}. ${year} ${pick(rng, MONTHS)} ${int(rng, 1, 28)};${volume}(${int(rng, 1, 12)}):e${int(rng, 10000, 99999)}.`,
    `doi: ${doi(rng, year)}.`,
    '',
    title,
    '',
    authors.map((a, i) => `${a} ${i + 1}`).join(', '),
    'Affiliations',
    `PMID: ${int(rng, 10_000_000, 39_999_999)}`,
    '',
    'Abstract',
    '',
  ];
  for (let p = 0; p < int(rng, 1, 3); p++) {
    lines.push(Array.from({ length: int(rng, 3, 6) }, () => sentence(rng)).join(' '), '');
  }
  const keywords = new Set(Array.from({ length: int(rng, 3, 6) }, () => pick(rng, KEYWORDS)));
  lines.push(`Keywords: ${[...keywords].join('; ')}.`, '', 'PubMed Disclaimer', '', 'Figures', '');
  for (let f = 1; f <= int(rng, 2, 6); f++)
    lines.push('None', `Figure ${f}. ${sentence(rng)} ${sentence(rng)}`);
  lines.push('', 'Similar articles', '', 'Cited by', '', 'References', '');
  const citations: string[] = [];
  for (let r = 0; r < references; r++) {
    const { text, markers } = referenceString(rng);
    lines.push(`    1. ${text}${markers}`);
    citations.push(text);
  }
  const slug = `synthetic-${String(index + 1).padStart(3, '0')}-${year}`;
  return { name: `${slug}.pubmed.txt`, slug, text: `${lines.join('\n')}\n`, references, citations };
}

/** `reviews` synthetic pages of `referencesEach` references each. */
export function syntheticLibrary(reviews: number, referencesEach: number, seed = 1): SyntheticSource[] {
  return Array.from({ length: reviews }, (_, i) => syntheticReview(i, referencesEach, seed));
}
