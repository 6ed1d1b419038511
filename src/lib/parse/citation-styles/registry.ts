import { assess, type Assessment } from './confidence.ts';
import { failed, MAX_PARSED_LENGTH, type CslItemDraft } from './draft.ts';
import type { CitationGrammar } from './grammar.ts';
import { authorYearGrammar } from './author-year.ts';
import { medlineGrammar } from './medline.ts';
import { natureGrammar } from './nature.ts';
import { nlmGrammar } from './nlm.ts';
import { yearAfterNamesGrammar } from './year-after-names.ts';

/**
 * Every style family Lectern reads, in the order ties are broken: the one place a new
 * family is registered.
 */
export const GRAMMARS: readonly CitationGrammar[] = [
  nlmGrammar,
  medlineGrammar,
  authorYearGrammar,
  yearAfterNamesGrammar,
  natureGrammar,
];

/** Scores at or above this mean the grammar's anchor was found in the entry. */
const ANCHORED = 0.5;

export interface ListEntry {
  item: CslItemDraft;
  warnings: string[];
  /** The grammar that read this entry. */
  family: string;
  confidence: number;
  /** Why the reading is doubtful; empty when it is confident. */
  doubts: string[];
  shownVerbatim: boolean;
}

export interface CitationListReading {
  /** The family most of the list is printed in. */
  family: string;
  entries: ListEntry[];
}

function parseWith(grammar: CitationGrammar, text: string): { item: CslItemDraft; warnings: string[] } {
  try {
    return grammar.parse(text);
  } catch (error) {
    return failed(text, error);
  }
}

function bestIndex(scores: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i += 1) if ((scores[i] ?? 0) > (scores[best] ?? 0)) best = i;
  return best;
}

/**
 * The family with most entries whose best score is theirs. A list of one is read as NLM
 * first: without a list to tell, PubMed's own style is the likeliest.
 */
function listFamily(allScores: readonly (readonly number[])[]): number {
  if (allScores.length <= 1) return 0;
  const votes = GRAMMARS.map(() => 0);
  for (const scores of allScores) {
    const best = bestIndex(scores);
    if ((scores[best] ?? 0) >= ANCHORED) votes[best] = (votes[best] ?? 0) + 1;
  }
  return bestIndex(votes);
}

function readEntry(text: string, scores: readonly number[], family: number): ListEntry {
  // The list's grammar first, then every other grammar whose anchor the entry has, by score;
  // NLM, which also reads books and web pages, is always among them.
  const anchored = (i: number): boolean => (scores[i] ?? 0) >= ANCHORED || i === 0;
  const order = GRAMMARS.map((_, i) => i)
    .filter((i) => anchored(i) || i === family)
    .sort((a, b) => Number(b === family) - Number(a === family) || (scores[b] ?? 0) - (scores[a] ?? 0));
  let best:
    { grammar: CitationGrammar; parsed: ReturnType<typeof parseWith>; assessment: Assessment } | undefined;
  for (const i of order) {
    const grammar = GRAMMARS[i];
    if (!grammar) continue;
    const parsed = parseWith(grammar, text);
    const assessment = assess(parsed, grammar.id, text);
    if (!best || assessment.confidence > best.assessment.confidence) best = { grammar, parsed, assessment };
    if (assessment.doubts.length === 0) break;
  }
  if (!best) throw new Error('no grammar registered');
  const { grammar, parsed, assessment } = best;
  const doubts = [...assessment.doubts];
  const listGrammar = GRAMMARS[family];
  if (listGrammar && grammar.id !== listGrammar.id && doubts.length > 0) {
    doubts.push(`read as ${grammar.label}, unlike the rest of the list (${listGrammar.label})`);
  }
  const shownVerbatim = assessment.shownVerbatim;
  // Stored only when below 1, so the references of a clean list stay as they were.
  const custom: NonNullable<CslItemDraft['custom']> = { ...parsed.item.custom };
  if (assessment.confidence < 1) {
    custom.parseConfidence = assessment.confidence;
    custom.citationStyle = grammar.id;
  }
  if (doubts.length > 0) custom.parseDoubts = doubts;
  if (shownVerbatim) custom.shownVerbatim = true;
  return {
    item: { ...parsed.item, custom },
    warnings: parsed.warnings,
    family: grammar.id,
    confidence: assessment.confidence,
    doubts,
    shownVerbatim,
  };
}

/**
 * Reads a reference list printed in one style: detects the style family from the whole list,
 * reads each entry with that family's grammar and falls back, entry by entry, to the grammar
 * that reads it with most confidence. Never throws.
 */
export function parseCitationList(texts: readonly string[]): CitationListReading {
  const strings = texts.map((t) => (typeof t === 'string' ? t : String(t)));
  // Scores look at the start only, as the grammars read it: a hostile entry costs no more.
  const allScores = strings.map((text) => {
    const start = text.slice(0, MAX_PARSED_LENGTH);
    return GRAMMARS.map((g) => g.score(start));
  });
  const family = listFamily(allScores);
  return {
    family: GRAMMARS[family]?.id ?? 'nlm',
    entries: strings.map((text, i) => readEntry(text, allScores[i] ?? [], family)),
  };
}
