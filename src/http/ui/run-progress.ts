import { html } from 'hono/html';

type Progress = { runId: number; flow: string; counts: Record<string, number>; pages: number };

/** Every record a run has written so far, whatever its outcome. */
export const recordsSoFar = (counts: Record<string, number>) => Object.values(counts).reduce((n, x) => n + x, 0);

export const progressText = (records: number, pages: number) => `${records} record${records === 1 ? '' : 's'} so far · ${pages} page${pages === 1 ? '' : 's'}`;

/**
 * A running sync's progress: an indeterminate bar (a system does not say how many records are
 * coming) with the records and pages so far; the script updates it from the event stream.
 */
export const runProgress = (run: Progress) =>
  html`<div class="progress" data-progress-run="${run.runId}">
    <progress aria-label="Run #${run.runId} of ${run.flow} in progress"></progress>
    <span class="progress-text">${progressText(recordsSoFar(run.counts), run.pages)}</span>
  </div>`;
