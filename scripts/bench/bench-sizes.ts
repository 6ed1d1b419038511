/**
 * The libraries the bench builds, named on the command line: `seed` (the real content/) or
 * `<reviews>x<references each>[@<generator seed>]`.
 */

export type SizeSpec =
  | { label: 'seed'; kind: 'seed' }
  | { label: string; kind: 'synthetic'; reviews: number; referencesEach: number; seed: number };

/**
 * Generator seeds other than 1 by default: issue 11 measured its 300-reference review as
 * `syntheticReview(0, 300, 7)`, so `1x300` is that review unless a seed is given.
 */
export const DEFAULT_SEEDS: Readonly<Record<string, number>> = { '1x300': 7 };

export function parseSize(text: string): SizeSpec {
  const size = text.trim();
  if (size === 'seed') return { label: 'seed', kind: 'seed' };
  const m = /^(\d{1,3})x(\d{1,4})(?:@(\d{1,6}))?$/.exec(size);
  if (!m)
    throw new Error(`unknown size "${size}": seed, or <reviews>x<references>[@<seed>] like 1x300 or 5x200@2`);
  const reviews = Number(m[1]);
  const referencesEach = Number(m[2]);
  if (reviews < 1 || referencesEach < 1)
    throw new Error(`size "${size}" needs at least one review and reference`);
  const base = `${reviews}x${referencesEach}`;
  return {
    label: size,
    kind: 'synthetic',
    reviews,
    referencesEach,
    seed: m[3] === undefined ? (DEFAULT_SEEDS[base] ?? 1) : Number(m[3]),
  };
}

/** The heading of a size's section. */
export function sizeHeading(spec: SizeSpec): string {
  if (spec.kind === 'seed') return 'seed (the real content/)';
  const each = spec.referencesEach.toLocaleString('en-US');
  return `${spec.reviews} ${spec.reviews === 1 ? 'review' : 'reviews'} x ${each} references (generator seed ${spec.seed})`;
}
