import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';

/** Everything that went wrong on a page while a test drove it, one readable line per problem. */
export interface PageErrors {
  /** Problems seen so far, e.g. "console error on http://…/: Uncaught …". */
  readonly problems: string[];
  /**
   * `error` with the problems seen so far appended to its message, so a step that failed
   * because, say, a script 404ed says so. Returns `error` unchanged when there were none.
   */
  annotate(error: unknown): unknown;
  /** Stops listening; `problems` keeps what was collected. */
  dispose(): void;
}

/**
 * Collects console errors, uncaught exceptions, failed requests and HTTP error responses for
 * `page`, from the moment it is called. Attach it before the first `goto`, so the first page's
 * load is watched too; check `problems` after each page a test visits.
 */
export function collectPageErrors(page: Page): PageErrors {
  const problems: string[] = [];

  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    problems.push(`console error on ${page.url()}: ${message.text()}${where ? ` (at ${where})` : ''}`);
  };
  const onPageError = (error: Error): void => {
    problems.push(`uncaught exception on ${page.url()}: ${error.name}: ${error.message}`);
  };
  const onRequestFailed = (request: Request): void => {
    problems.push(
      `request failed on ${page.url()}: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`,
    );
  };
  const onResponse = (response: Response): void => {
    if (response.status() < 400) return;
    problems.push(
      `HTTP ${response.status()} on ${page.url()}: ${response.request().method()} ${response.url()}`,
    );
  };

  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);

  return {
    problems,
    annotate(error) {
      if (problems.length === 0 || !(error instanceof Error)) return error;
      error.message += `\nMeanwhile on the page:\n  ${problems.join('\n  ')}`;
      return error;
    },
    dispose() {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('requestfailed', onRequestFailed);
      page.off('response', onResponse);
    },
  };
}
