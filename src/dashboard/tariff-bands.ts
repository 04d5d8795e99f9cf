import { Tariff, TouBand } from '../sites/site.entity';
import { priceStepsUtc, ruleCovers } from '../sites/tariff-schedule';
import { localParts } from '../sites/zoned-time';

/** One interval of constant price, named by its time-of-use band, for the dashboard's power chart. */
export interface TariffBand {
  from: string;
  to: string;
  band: TouBand;
  pricePerKwh: number;
}

/**
 * The site's tariff over [from, to) as bands: the planner's price steps (priceStepsUtc, so the chart shows the prices
 * the plan was costed with), each named by the time-of-use rule in force at its start. An explicit price step has no
 * band of its own: it is named by its rank among the window's prices (lowest valley, highest peak, else flat).
 */
export function tariffBands(tariff: Tariff, timeZone: string, from: Date, to: Date): TariffBand[] {
  if (to.getTime() <= from.getTime()) return [];
  const steps = priceStepsUtc(tariff, timeZone, from, to);
  const prices = steps.map((step) => step.price);
  const lowest = Math.min(...prices);
  const highest = Math.max(...prices);
  const explicitFromMs = tariff.steps.length > 0 ? Date.parse(tariff.steps[0].from) : Infinity;
  return steps.map((step, index) => {
    const startMs = Date.parse(step.from);
    const endMs = index + 1 < steps.length ? Date.parse(steps[index + 1].from) : to.getTime();
    const ruleBand = startMs < explicitFromMs ? bandOfRuleAt(tariff, timeZone, startMs, step.price) : undefined;
    return {
      from: step.from,
      to: new Date(endMs).toISOString(),
      band: ruleBand ?? bandByRank(step.price, lowest, highest),
      pricePerKwh: step.price,
    };
  });
}

/** The band of the time-of-use rule pricing this instant (later rules win, as in the price steps). */
function bandOfRuleAt(tariff: Tariff, timeZone: string, epochMs: number, price: number): TouBand | undefined {
  const local = localParts(epochMs, timeZone);
  const minute = local.hour * 60 + local.minute;
  for (let i = tariff.timeOfUse.length - 1; i >= 0; i--) {
    const rule = tariff.timeOfUse[i];
    if (ruleCovers(rule, local.weekday, minute)) return rule.pricePerKwh === price ? rule.band : undefined;
  }
  return undefined;
}

function bandByRank(price: number, lowest: number, highest: number): TouBand {
  if (highest === lowest) return 'flat';
  if (price === lowest) return 'valley';
  if (price === highest) return 'peak';
  return 'flat';
}
