/** Formatting for the benchmark's Markdown output. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function bytes(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${value} B`;
}

export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

/** A metric measured once per run: its median, then every run's value. */
export interface Row {
  metric: string;
  median: string;
  runs?: string;
}

export function runsRow(metric: string, values: readonly number[], format: (v: number) => string): Row {
  return { metric, median: format(median(values)), runs: values.map(format).join(', ') };
}

export function table(rows: readonly Row[]): string {
  const lines = ['| metric | median | runs |', '| --- | --: | --- |'];
  for (const r of rows) lines.push(`| ${r.metric} | ${r.median} | ${r.runs ?? ''} |`);
  return lines.join('\n');
}
