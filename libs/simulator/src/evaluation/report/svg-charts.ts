/** Hand-written SVG: a line chart and a bar panel, enough for the evaluation report (no chart library). */

export interface Series {
  name: string;
  points: [number, number][];
  dashed?: boolean;
}

const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf'];
const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { left: 60, right: 140, top: 30, bottom: 40 };

export function lineChartSvg(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const all = series.flatMap((s) => s.points);
  const xMin = Math.min(...all.map((p) => p[0]));
  const xMax = Math.max(xMin + 1, ...all.map((p) => p[0]));
  const yMax = niceMax(Math.max(1, ...all.map((p) => p[1])));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number) => MARGIN.left + ((v - xMin) / (xMax - xMin)) * plotW;
  const y = (v: number) => MARGIN.top + plotH - (v / yMax) * plotH;
  const lines = series.map((s, i) => {
    const color = s.dashed ? '#000' : COLORS[i % COLORS.length];
    const path = s.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    const legendY = MARGIN.top + 16 * i;
    return (
      `<polyline fill="none" stroke="${color}" stroke-width="1.5"${dash} points="${path}"/>` +
      `<text x="${WIDTH - MARGIN.right + 10}" y="${legendY + 10}" fill="${color}">${escape(s.name)}</text>`
    );
  });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => xMin + f * (xMax - xMin));
  return frame(title, [
    ...yTicks.map(
      (v) =>
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>` +
        `<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end">${round(v)}</text>`,
    ),
    ...xTicks.map((v) => `<text x="${x(v)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${round(v)}</text>`),
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle">${escape(xLabel)}</text>`,
    `<text x="14" y="${MARGIN.top + plotH / 2}" transform="rotate(-90 14 ${MARGIN.top + plotH / 2})" text-anchor="middle">${escape(yLabel)}</text>`,
    ...lines,
  ]);
}

/** One panel of bars per metric, one bar per label, side by side. */
export function barPanelsSvg(title: string, labels: string[], metrics: { name: string; values: number[] }[]): string {
  const panelW = 220;
  const panelH = 200;
  const width = Math.max(WIDTH, 20 + metrics.length * (panelW + 20));
  const parts: string[] = [];
  metrics.forEach((metric, m) => {
    const left = 20 + m * (panelW + 20);
    const top = 50;
    const max = niceMax(Math.max(1e-9, ...metric.values.map(Math.abs)));
    const barW = (panelW - 10) / Math.max(1, labels.length);
    parts.push(`<text x="${left + panelW / 2}" y="${top - 10}" text-anchor="middle">${escape(metric.name)}</text>`);
    metric.values.forEach((value, i) => {
      const h = (Math.max(0, value) / max) * panelH;
      const bx = left + 5 + i * barW;
      parts.push(
        `<rect x="${bx.toFixed(1)}" y="${(top + panelH - h).toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[i % COLORS.length]}"/>`,
        `<text x="${(bx + barW / 2).toFixed(1)}" y="${(top + panelH - h - 3).toFixed(1)}" text-anchor="middle" font-size="9">${round(value)}</text>`,
        `<text x="${(bx + barW / 2).toFixed(1)}" y="${top + panelH + 14}" text-anchor="middle" font-size="9">${escape(labels[i])}</text>`,
      );
    });
  });
  return frame(title, parts, width, 300);
}

function frame(title: string, parts: string[], width = WIDTH, height = HEIGHT): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14">${escape(title)}</text>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
