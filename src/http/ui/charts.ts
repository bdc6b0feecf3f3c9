import { html } from 'hono/html';

/** One value per time slot, oldest first; `null`: nothing known for that slot (no line drawn there). */
export interface Series {
  id: string;
  title: string;
  /** How the values read in words: "records", "s", "calls". */
  unit: string;
  values: (number | null)[];
  /** The words under the first and last slot: "24 h ago", "now". */
  from: string;
  to: string;
  kind: 'bars' | 'line';
  tone: 'accent' | 'bad';
  /** How a value is shown on the axis and in the summary. */
  format?: (value: number) => string;
}

const WIDTH = 320;
const HEIGHT = 110;
const TOP = 8;
const BOTTOM = 92;

const plain = (n: number) => String(Math.round(n));

/**
 * A small chart as inline SVG: bars for counts, a line for a level (lag). It is an image with a
 * title and a one-sentence summary for screen readers, so no library and no script is needed.
 */
export function chart(series: Series) {
  const format = series.format ?? plain;
  const known = series.values.filter((v): v is number => v !== null);
  const max = Math.max(1, ...known);
  const total = known.reduce((a, b) => a + b, 0);
  const slot = WIDTH / Math.max(1, series.values.length);
  const y = (v: number) => BOTTOM - (v / max) * (BOTTOM - TOP);
  const summary =
    known.length === 0
      ? `Nothing yet from ${series.from} to ${series.to}.`
      : series.kind === 'bars'
        ? `${format(total)} ${series.unit} from ${series.from} to ${series.to}; at most ${format(Math.max(...known))} in one slot.`
        : `From ${format(Math.min(...known))} to ${format(Math.max(...known))} ${series.unit} between ${series.from} and ${series.to}; now ${known.length ? format(known[known.length - 1]!) : '–'}.`;

  const bars = series.values.map((v, i) =>
    v === null || v === 0 ? '' : html`<rect x="${(i * slot + slot * 0.15).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${(BOTTOM - y(v)).toFixed(1)}"><title>${format(v)} ${series.unit}</title></rect>`,
  );
  // A line through the known points; a slot without a value breaks it.
  const segments: string[] = [];
  let open = '';
  series.values.forEach((v, i) => {
    if (v === null) return void (open && segments.push(open), (open = ''));
    open += `${open ? ' L' : 'M'}${(i * slot + slot / 2).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (open) segments.push(open);
  // A point without a neighbour draws no line: it gets a dot.
  const lone = series.values.map((v, i) => (v !== null && (series.values[i - 1] ?? null) === null && (series.values[i + 1] ?? null) === null ? i : -1)).filter((i) => i >= 0);

  return html`<figure class="chart chart-${series.tone}" id="chart-${series.id}">
    <figcaption>${series.title}</figcaption>
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-${series.id}-title chart-${series.id}-desc" preserveAspectRatio="none">
      <title id="chart-${series.id}-title">${series.title}</title>
      <desc id="chart-${series.id}-desc">${summary}</desc>
      <line class="axis" x1="0" y1="${BOTTOM}" x2="${WIDTH}" y2="${BOTTOM}" />
      <line class="grid" x1="0" y1="${TOP}" x2="${WIDTH}" y2="${TOP}" />
      ${series.kind === 'bars' ? bars : html`${segments.map((d) => html`<path d="${d}" />`)}${lone.map((i) => html`<circle cx="${(i * slot + slot / 2).toFixed(1)}" cy="${y(series.values[i]!).toFixed(1)}" r="3" />`)}`}
    </svg>
    <div class="chart-scale"><span>${series.from}</span><span>max ${format(max)}</span><span>${series.to}</span></div>
    <p class="chart-summary" aria-hidden="true">${summary}</p>
  </figure>`;
}
