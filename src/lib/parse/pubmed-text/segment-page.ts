/** A line of the copied page with its 1-based line number, for error messages. */
export interface PageLine {
  n: number;
  text: string;
}

/** The sections of a PubMed article page that Lectern reads. */
export type SectionName =
  'abstract' | 'disclaimer' | 'figures' | 'similar' | 'citedBy' | 'references' | 'other';

export interface SegmentedPage {
  /** Article lines before the abstract: publication type, citation line, title, authors, ids. */
  header: PageLine[];
  /** Lines of each section, keyed by section; sections the page lacks are absent. */
  sections: Partial<Record<SectionName, PageLine[]>>;
}

/**
 * The headings PubMed prints on its own line. Sections Lectern has no use for still end
 * the section before them, so their text never leaks into the abstract or the references.
 */
const HEADINGS: ReadonlyArray<readonly [RegExp, SectionName]> = [
  [/^abstract$/i, 'abstract'],
  [/^pubmed disclaimer$/i, 'disclaimer'],
  [/^figures$/i, 'figures'],
  [/^similar articles$/i, 'similar'],
  [/^cited by$/i, 'citedBy'],
  [/^references$/i, 'references'],
  [
    /^(conflict of interest statement|publication types|mesh terms|substances|grants and funding|linkout - more resources|full text sources|associated data|supplementary info|related information|comment in|comment on|erratum in|erratum for|update of|update in|retraction in|retraction of|expression of concern in|cited by \d+ articles?|proceed to details|figures and tables|full text links|actions|share|page navigation|title & authors|other literature sources|medical|miscellaneous|research materials|molecular biology databases)$/i,
    'other',
  ],
];

/**
 * The US-government banner and NCBI navigation a browser copies along with the article.
 * The article starts after the last of these lines.
 */
const CHROME = [
  /^skip to main page content$/i,
  /^u\.s\. flag$/i,
  /^an official website of the united states government$/i,
  /^dot gov$/i,
  /^the \.gov means it.s official\.?$/i,
  /^federal government websites often end in/i,
  /^https$/i,
  /^the site is secure\.?$/i,
  /^the https:\/\/ ensures/i,
  /^access keys\b/i,
  /^(ncbi homepage|myncbi homepage|main content|main navigation)$/i,
  /^(log in|search|search:|advanced|clipboard|user guide|save|email|send to|display options|display options format)$/i,
];

export function segmentPage(text: string): SegmentedPage {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ n: i + 1, text: raw.replace(/\u00a0/g, ' ').trim() }));

  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line && CHROME.some((re) => re.test(line.text))) start = i + 1;
    // The banner is at the top; stop looking once the article's own sections begin.
    if (line && headingOf(line.text)) break;
  }

  const header: PageLine[] = [];
  const sections: Partial<Record<SectionName, PageLine[]>> = {};
  let current: PageLine[] = header;
  for (const line of lines.slice(start)) {
    const heading = headingOf(line.text);
    if (heading) {
      // A page may repeat a heading (sticky headers); later text joins the first section.
      current = sections[heading] ??= [];
      continue;
    }
    // "Keywords:" closes the abstract but belongs to it on PubMed pages; the abstract parser splits it.
    current.push(line);
  }
  return { header, sections };
}

function headingOf(text: string): SectionName | undefined {
  for (const [re, name] of HEADINGS) if (re.test(text)) return name;
  return undefined;
}
