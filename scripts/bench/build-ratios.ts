/**
 * Builds against the floor (as many trivial Astro pages, same Pagefind step), and how a review
 * page's weight grows with its reference count.
 */
import type { BuildRun } from './measure-build.ts';
import { median } from './report-table.ts';

export interface Timing {
  /** Medians over the runs, milliseconds; NaN when there is no run (or no CPU time). */
  wallMs: number;
  cpuMs: number;
}

export function medianTiming(builds: readonly BuildRun[]): Timing {
  return {
    wallMs: median(builds.map((b) => b.ms)),
    cpuMs: median(builds.map((b) => b.cpuMs ?? Number.NaN)),
  };
}

export interface FloorRatio {
  build: Timing;
  floor: Timing;
  /** build / floor, of the medians. */
  cpu: number;
  wall: number;
}

export function floorRatio(builds: readonly BuildRun[], floorBuilds: readonly BuildRun[]): FloorRatio {
  const build = medianTiming(builds);
  const floor = medianTiming(floorBuilds);
  return { build, floor, cpu: build.cpuMs / floor.cpuMs, wall: build.wallMs / floor.wallMs };
}

/** "3.10x CPU time (9.2 s / 3.0 s), 2.80x wall (…)" */
export function describeRatio(r: FloorRatio, format: (ms: number) => string): string {
  return (
    `${r.cpu.toFixed(2)}x CPU time (${format(r.build.cpuMs)} / ${format(r.floor.cpuMs)}), ` +
    `${r.wall.toFixed(2)}x wall (${format(r.build.wallMs)} / ${format(r.floor.wallMs)})`
  );
}

/** A review page measured in some size: its reference count and gzipped HTML bytes. */
export interface PagePoint {
  /** The size it was built in ("seed", "1x300", …) and the review's slug. */
  label: string;
  slug: string;
  references: number;
  gzip: number;
  /** A synthetic review from a one-review library (no other review's cross-citations). */
  synthetic: boolean;
}

/**
 * The two pages to measure growth between: two synthetic one-review pages with different
 * reference counts (same generator, so only the references differ), the fewest and the most;
 * else the seed review against the largest synthetic page.
 */
export function growthPair(
  points: readonly PagePoint[],
  seedSlug: string,
): [PagePoint, PagePoint] | undefined {
  const synthetic = points.filter((p) => p.synthetic).sort((a, b) => a.references - b.references);
  const most = synthetic.at(-1);
  const fewest = synthetic[0];
  if (!most || !fewest) return undefined;
  if (most.references > fewest.references) return [fewest, most];
  const seed = points.find((p) => !p.synthetic && p.slug === seedSlug);
  return seed && most.references > seed.references ? [seed, most] : undefined;
}

/** Gzipped HTML bytes per extra reference from `from` to `to`. */
export function growthPerReference(from: PagePoint, to: PagePoint): number {
  return (to.gzip - from.gzip) / (to.references - from.references);
}
