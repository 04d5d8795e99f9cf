import { alignSeries, stepSeries, XySeries } from './chart-data.js';
import { clockTime, h } from './dom.js';
import type { DashboardView, VehicleRow } from './types.js';

const BAND_FILL: Record<string, string> = {
  peak: 'rgba(240, 68, 56, 0.13)',
  flat: 'rgba(247, 144, 9, 0.10)',
  valley: 'rgba(18, 183, 106, 0.12)',
};
const PALETTE = [
  '#1f6feb',
  '#12b76a',
  '#f79009',
  '#7a5af8',
  '#ee46bc',
  '#0ba5ec',
  '#d92d20',
  '#667085',
  '#84cc16',
  '#a15c07',
];
const HEIGHT_PX = 220;

const toSec = (iso: string | number) => (typeof iso === 'number' ? iso : Date.parse(iso)) / 1000;

/** The power and state-of-charge charts (uPlot), rebuilt on each refresh and resized with the window. */
export class Charts {
  private power: uPlot | null = null;
  private soc: uPlot | null = null;

  constructor(
    private readonly powerElement: HTMLElement,
    private readonly socElement: HTMLElement,
    private readonly legendElement: HTMLElement,
  ) {
    window.addEventListener('resize', () => {
      for (const [chart, element] of [
        [this.power, this.powerElement],
        [this.soc, this.socElement],
      ] as const)
        chart?.setSize({ width: element.clientWidth, height: HEIGHT_PX });
    });
  }

  render(view: DashboardView, vehicles: VehicleRow[], nowMs: number): void {
    this.power?.destroy();
    this.soc?.destroy();
    this.power = this.powerChart(view, nowMs);
    this.soc = this.socChart(view, vehicles, nowMs);
    this.legend(view);
  }

  private powerChart(view: DashboardView, nowMs: number): uPlot {
    const { site, plan, meteredPower, tariffBands } = view;
    const planned = plan ? stepSeries(plan.boundaries.map(toSec), plan.sitePowerKw) : { xs: [], ys: [] };
    const bucketSec = meteredPower.bucketMinutes * 60;
    const meteredStarts = meteredPower.points.map((point) => toSec(point.at));
    const metered: XySeries = stepSeries(
      meteredStarts.length > 0 ? [...meteredStarts, meteredStarts.at(-1)! + bucketSec] : [],
      meteredPower.points.map((point) => point.kw) as number[],
    );
    const edges = [...tariffBands.map((b) => toSec(b.from)), ...tariffBands.map((b) => toSec(b.to)), ...planned.xs];
    const window = edges.length > 0 ? [Math.min(...edges), Math.max(...edges)] : [nowMs / 1000, nowMs / 1000 + 3600];
    const limit = (kw: number): XySeries => ({ xs: window, ys: [kw, kw] });
    const lines: XySeries[] = [planned, metered, limit(site.gridLimitKw)];
    const series: uPlot.Series[] = [
      {},
      { label: 'planned kW', stroke: '#1f6feb', width: 2, paths: uPlot.paths.stepped!({ align: 1 }) },
      { label: 'metered kW', stroke: '#12b76a', width: 2, paths: uPlot.paths.stepped!({ align: 1 }) },
      { label: 'grid limit', stroke: '#d92d20', width: 1.5, dash: [6, 4] },
    ];
    if (site.baseLoadKw > 0) {
      lines.push(limit(site.gridLimitKw - site.baseLoadKw));
      series.push({ label: 'limit less base load', stroke: '#f79009', width: 1, dash: [2, 3] });
    }
    const bands = tariffBands.map((band) => ({
      from: toSec(band.from),
      to: toSec(band.to),
      fill: BAND_FILL[band.band],
    }));
    return new uPlot(
      {
        width: this.powerElement.clientWidth,
        height: HEIGHT_PX,
        tzDate: (sec) => uPlot.tzDate(new Date(sec * 1000), site.timeZone),
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, site.gridLimitKw) * 1.05] } },
        axes: [timeAxis(site.timeZone), { label: 'kW', size: 50 }],
        series,
        hooks: {
          drawClear: [
            (u) => {
              const { left, top, width, height } = u.bbox;
              for (const band of bands) {
                const x0 = Math.max(left, u.valToPos(band.from, 'x', true));
                const x1 = Math.min(left + width, u.valToPos(band.to, 'x', true));
                if (x1 <= x0) continue;
                u.ctx.fillStyle = band.fill;
                u.ctx.fillRect(x0, top, x1 - x0, height);
              }
            },
          ],
          draw: [(u) => nowLine(u, nowMs)],
        },
      },
      alignSeries(lines) as uPlot.AlignedData,
      this.powerElement,
    );
  }

  private socChart(view: DashboardView, vehicles: VehicleRow[], nowMs: number): uPlot {
    const plan = view.plan;
    const boundaries = plan ? plan.boundaries.map(toSec) : [];
    const rows = plan?.soc ?? [];
    const colour = new Map<string, string>();
    const series: uPlot.Series[] = [
      {},
      ...rows.map((row, index): uPlot.Series => {
        const name = row.vehicleId ?? `EV ${row.sessionId?.slice(0, 8)}`;
        colour.set(name, PALETTE[index % PALETTE.length]);
        return { label: name, stroke: PALETTE[index % PALETTE.length], width: 1.5 };
      }),
    ];
    const data = [boundaries, ...rows.map((row) => row.percent.slice(0, boundaries.length))] as uPlot.AlignedData;
    const reserves = [...new Set(vehicles.filter((v) => v.inService).map((v) => v.minSocPercent))];
    return new uPlot(
      {
        width: this.socElement.clientWidth,
        height: HEIGHT_PX,
        tzDate: (sec) => uPlot.tzDate(new Date(sec * 1000), view.site.timeZone),
        scales: { x: { time: true }, y: { range: [0, 100] } },
        axes: [timeAxis(view.site.timeZone), { label: 'SoC %', size: 50 }],
        series,
        hooks: {
          draw: [
            (u) => {
              nowLine(u, nowMs);
              const { left, width } = u.bbox;
              u.ctx.save();
              u.ctx.setLineDash([4, 4]);
              u.ctx.strokeStyle = '#d92d20';
              for (const reserve of reserves) {
                const y = u.valToPos(reserve, 'y', true);
                u.ctx.beginPath();
                u.ctx.moveTo(left, y);
                u.ctx.lineTo(left + width, y);
                u.ctx.stroke();
              }
              u.ctx.restore();
              const x = u.valToPos(nowMs / 1000, 'x', true);
              for (const vehicle of vehicles) {
                if (vehicle.socPercentEstimate === null) continue;
                u.ctx.fillStyle = colour.get(vehicle.fleetNumber) ?? '#101828';
                u.ctx.beginPath();
                u.ctx.arc(x, u.valToPos(vehicle.socPercentEstimate, 'y', true), 4 * devicePixelRatio, 0, 2 * Math.PI);
                u.ctx.fill();
              }
            },
          ],
        },
      },
      data,
      this.socElement,
    );
  }

  private legend(view: DashboardView): void {
    const seen = new Map<string, { band: string; price: number }>();
    for (const band of view.tariffBands)
      seen.set(`${band.band}:${band.pricePerKwh}`, { band: band.band, price: band.pricePerKwh });
    this.legendElement.replaceChildren(
      ...[...seen.values()].map(({ band, price }) =>
        h('span', {}, h('i', { style: `background:${BAND_FILL[band]}` }), `${band} ${price} ${view.site.currency}/kWh`),
      ),
    );
  }
}

/** Time axis in the site's 24-hour clock, as on the task timeline. */
function timeAxis(timeZone: string): uPlot.Axis {
  return { values: (_u, splits) => splits.map((sec) => clockTime(sec * 1000, timeZone)) };
}

function nowLine(u: uPlot, nowMs: number): void {
  const x = u.valToPos(nowMs / 1000, 'x', true);
  const { left, top, width, height } = u.bbox;
  if (x < left || x > left + width) return;
  u.ctx.save();
  u.ctx.strokeStyle = '#1f6feb';
  u.ctx.lineWidth = 1;
  u.ctx.beginPath();
  u.ctx.moveTo(x, top);
  u.ctx.lineTo(x, top + height);
  u.ctx.stroke();
  u.ctx.restore();
}
