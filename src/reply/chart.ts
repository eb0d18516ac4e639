import { Resvg } from '@resvg/resvg-js';

export interface ChartPoint {
  /** ISO date. */
  date: string;
  value: number;
  /** Shown above the point, e.g. "700+". */
  label: string;
}

export interface ChartSeries {
  title: string;
  points: ChartPoint[];
}

const W = 640;
const H = 320;
const PAD = { left: 64, right: 32, top: 48, bottom: 48 };

/** Feed text ends up in the SVG (titles, labels): escape it so it stays text. */
export const xmlEscape = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A round axis step (1, 2, 2.5 or 5 × 10^k) at least `raw`, so ticks read 0, 250, 500 … not 279.2. */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, notation: 'compact' });

/** An SVG line chart of one figure series over time (x is real time, so gaps show as gaps). */
export function timelineSvg(series: ChartSeries): string {
  const pts = [...series.points].sort((a, b) => a.date.localeCompare(b.date));
  const times = pts.map((p) => Date.parse(p.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const top = Math.max(...pts.map((p) => p.value)) || 1;
  const step = niceStep(top / 4);
  const steps = Math.ceil((top * 1.08) / step);
  const vMax = step * steps;
  const x = (t: number): number => PAD.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number): number => H - PAD.bottom - (v / vMax) * (H - PAD.top - PAD.bottom);
  const coords = pts.map((p, i) => ({ p, cx: x(times[i]!), cy: y(p.value) }));
  const anchor = (cx: number): string => (cx <= PAD.left + 30 ? 'start' : cx >= W - PAD.right - 30 ? 'end' : 'middle');
  const ticks = Array.from({ length: steps + 1 }, (_, i) => i * step);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${PAD.left}" y="28" font-size="16" font-weight="bold" fill="#1f2933">${xmlEscape(series.title.slice(0, 70))}</text>`,
    ...ticks.map(
      (v) =>
        `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e4e7eb"/><text x="${PAD.left - 8}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="#616e7c">${nf.format(v)}</text>`,
    ),
    `<polyline fill="none" stroke="#3b82f6" stroke-width="3" points="${coords.map((c) => `${c.cx},${c.cy}`).join(' ')}"/>`,
    ...coords.map(
      (c) =>
        `<circle cx="${c.cx}" cy="${c.cy}" r="5" fill="#1d4ed8"/>` +
        `<text x="${c.cx}" y="${c.cy - 12}" font-size="13" text-anchor="${anchor(c.cx)}" fill="#1f2933">${xmlEscape(c.p.label)}</text>` +
        // The first and last dates hang inwards so they are not cut off at the edges.
        `<text x="${c.cx}" y="${H - PAD.bottom + 20}" font-size="11" text-anchor="${anchor(c.cx)}" fill="#616e7c">${xmlEscape(c.p.date)}</text>`,
    ),
    '</svg>',
  ];
  return parts.join('');
}

/** The chart as PNG bytes, ready to attach to a reply. */
export function timelinePng(series: ChartSeries): Uint8Array {
  const resvg = new Resvg(timelineSvg(series), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' } });
  return resvg.render().asPng();
}
