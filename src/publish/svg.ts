/**
 * Small hand-written SVG charts (horizontal bars, dots with interval whiskers): title and legend inside
 * the SVG, text widths estimated (about 0.6 em per character in the sans-serif face), no external
 * resources. Each chart also has a Vega-Lite specification with the same data (written beside it).
 */
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const textWidth = (s: string, size: number) => s.length * size * 0.58;
const fmt = (v: number) =>
  Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);

export interface Bar {
  label: string;
  value: number | null;
  /** shown instead of the value (e.g. "suppressed") */
  note?: string;
}

export function barChart(title: string, subtitle: string, bars: Bar[], synthetic: boolean): string {
  const size = 12;
  // as wide as the longest label: a label is never cut at the left edge
  const labelW = Math.max(...bars.map((b) => textWidth(b.label, size)), 60) + 12;
  const plotW = 360;
  const rowH = 22;
  const top = 56 + (synthetic ? 16 : 0);
  const h = top + bars.length * rowH + 40;
  const w = labelW + plotW + 90;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const parts: string[] = [];
  parts.push(`<text x="8" y="20" font-size="15" font-weight="bold">${esc(title)}</text>`);
  parts.push(`<text x="8" y="38" font-size="11" fill="#444">${esc(subtitle)}</text>`);
  if (synthetic)
    parts.push(
      `<text x="8" y="54" font-size="11" fill="#b00020" font-weight="bold">SYNTHETIC DATA - not real cases</text>`,
    );
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    parts.push(
      `<text x="${labelW - 6}" y="${y + 14}" font-size="${size}" text-anchor="end">${esc(b.label)}</text>`,
    );
    if (b.value === null) {
      parts.push(
        `<rect x="${labelW}" y="${y + 3}" width="${plotW}" height="${rowH - 6}" fill="url(#hatch)" stroke="#999"/>`,
      );
      parts.push(
        `<text x="${labelW + 6}" y="${y + 14}" font-size="11" fill="#333">${esc(b.note ?? 'suppressed')}</text>`,
      );
    } else {
      const bw = (b.value / max) * plotW;
      parts.push(
        `<rect x="${labelW}" y="${y + 3}" width="${bw.toFixed(1)}" height="${rowH - 6}" fill="#3b6ea8"/>`,
      );
      parts.push(
        `<text x="${labelW + bw + 4}" y="${y + 14}" font-size="11">${esc(b.note ?? String(b.value))}</text>`,
      );
    }
  });
  const ly = top + bars.length * rowH + 18;
  parts.push(
    `<rect x="8" y="${ly - 10}" width="12" height="12" fill="#3b6ea8"/><text x="24" y="${ly}" font-size="11">count (n)</text>`,
  );
  parts.push(
    `<rect x="110" y="${ly - 10}" width="12" height="12" fill="url(#hatch)" stroke="#999"/><text x="126" y="${ly}" font-size="11">suppressed (fewer than the threshold, or protecting such a cell)</text>`,
  );
  return svg(w, h, title, parts);
}

export interface Dot {
  label: string;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  note?: string;
}

/** Dots with 95% interval whiskers on a log scale, with a reference line at 1. */
export function dotChart(title: string, subtitle: string, dots: Dot[], synthetic: boolean): string {
  const size = 12;
  const labelW = Math.max(...dots.map((d) => textWidth(d.label, size)), 60) + 12;
  const plotW = 380;
  const rowH = 22;
  const top = 56 + (synthetic ? 16 : 0);
  const h = top + dots.length * rowH + 56;
  const w = labelW + plotW + 120;
  const vals = dots
    .flatMap((d) => [d.lower, d.upper, d.estimate])
    .filter((v): v is number => v !== null && v > 0);
  const lo = Math.min(0.5, ...vals);
  const hi = Math.max(2, ...vals);
  const x = (v: number) => labelW + ((Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * plotW;
  const parts: string[] = [];
  parts.push(`<text x="8" y="20" font-size="15" font-weight="bold">${esc(title)}</text>`);
  parts.push(`<text x="8" y="38" font-size="11" fill="#444">${esc(subtitle)}</text>`);
  if (synthetic)
    parts.push(
      `<text x="8" y="54" font-size="11" fill="#b00020" font-weight="bold">SYNTHETIC DATA - not real cases</text>`,
    );
  const bottom = top + dots.length * rowH;
  parts.push(
    `<line x1="${x(1)}" y1="${top}" x2="${x(1)}" y2="${bottom}" stroke="#888" stroke-dasharray="4 3"/>`,
  );
  for (const t of [0.25, 0.5, 1, 2, 4, 8, 16].filter((t) => t >= lo && t <= hi))
    parts.push(`<text x="${x(t)}" y="${bottom + 14}" font-size="10" text-anchor="middle">${t}</text>`);
  dots.forEach((d, i) => {
    const y = top + i * rowH + 11;
    parts.push(
      `<text x="${labelW - 6}" y="${y + 4}" font-size="${size}" text-anchor="end">${esc(d.label)}</text>`,
    );
    if (d.estimate === null || d.estimate <= 0) {
      parts.push(
        `<text x="${labelW + 6}" y="${y + 4}" font-size="11" fill="#333">${esc(d.note ?? 'not estimated')}</text>`,
      );
      return;
    }
    if (d.lower !== null && d.upper !== null && d.lower > 0)
      parts.push(`<line x1="${x(d.lower)}" y1="${y}" x2="${x(d.upper)}" y2="${y}" stroke="#333"/>`);
    parts.push(`<circle cx="${x(d.estimate)}" cy="${y}" r="4" fill="#c0392b"/>`);
    parts.push(
      `<text x="${labelW + plotW + 8}" y="${y + 4}" font-size="11">${fmt(d.estimate)}${d.lower !== null && d.upper !== null ? ` (${fmt(d.lower)}-${fmt(d.upper)})` : ''}${d.note ? ` ${esc(d.note)}` : ''}</text>`,
    );
  });
  const ly = bottom + 36;
  parts.push(
    `<circle cx="14" cy="${ly - 4}" r="4" fill="#c0392b"/><text x="24" y="${ly}" font-size="11">estimate</text>`,
  );
  parts.push(
    `<line x1="90" y1="${ly - 4}" x2="110" y2="${ly - 4}" stroke="#333"/><text x="116" y="${ly}" font-size="11">95% interval (log scale; dashed line = 1, no disparity)</text>`,
  );
  return svg(w, h, title, parts);
}

function svg(w: number, h: number, title: string, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(w)}" height="${Math.ceil(h)}" viewBox="0 0 ${Math.ceil(w)} ${Math.ceil(h)}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#bbb" stroke-width="2"/></pattern></defs><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>\n`;
}

/** The Vega-Lite specification of a bar chart with the same data (for anyone re-rendering it). */
export function barSpec(title: string, bars: Bar[]) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: {
      values: bars.map((b) => ({
        label: b.label,
        n: b.value,
        status: b.value === null ? 'suppressed' : 'published',
      })),
    },
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null },
      x: { field: 'n', type: 'quantitative', title: 'count (n)' },
      color: { field: 'status', type: 'nominal' },
    },
  };
}
export function dotSpec(title: string, dots: Dot[]) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: {
      values: dots.map((d) => ({ label: d.label, estimate: d.estimate, lower: d.lower, upper: d.upper })),
    },
    layer: [
      {
        mark: 'rule',
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null },
          x: { field: 'lower', type: 'quantitative', scale: { type: 'log' } },
          x2: { field: 'upper' },
        },
      },
      {
        mark: 'point',
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null },
          x: { field: 'estimate', type: 'quantitative', scale: { type: 'log' } },
        },
      },
    ],
  };
}
