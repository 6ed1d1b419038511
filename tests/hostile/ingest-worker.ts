/**
 * Runs `ingestFile` in a worker thread, so the hostile-input test can stop an ingest that hangs
 * (a synchronous loop cannot be interrupted from the thread it runs on).
 * Request: { file, out, format? }. Answer: { ok: true, summaries } or { ok: false, error }.
 */
import { parentPort } from 'node:worker_threads';
import { SourceError } from '../../src/lib/errors.ts';
import { ingestFile } from '../../src/lib/ingest.ts';
import type { SourceFormat } from '../../src/lib/schema/review.ts';
import { EditedContentError } from '../../src/lib/write/commit-review.ts';

export interface IngestRequest {
  file: string;
  out: string;
  format?: SourceFormat;
}

export type IngestAnswer =
  | { ok: true; summaries: { slug: string; references: number; figures: number }[] }
  | { ok: false; error: { name: string; message: string; known: boolean; stack?: string } };

parentPort?.on('message', (request: IngestRequest) => {
  ingestFile(request.file, { out: request.out, ...(request.format ? { format: request.format } : {}) }).then(
    (summaries) => {
      const answer: IngestAnswer = {
        ok: true,
        summaries: summaries.map(({ slug, references, figures }) => ({ slug, references, figures })),
      };
      parentPort?.postMessage(answer);
    },
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      const answer: IngestAnswer = {
        ok: false,
        error: {
          name: e.name,
          message: e.message,
          // What the CLI prints as one line; anything else would crash it with a stack trace.
          known: e instanceof SourceError || e instanceof EditedContentError,
          ...(e.stack ? { stack: e.stack } : {}),
        },
      };
      parentPort?.postMessage(answer);
    },
  );
});
