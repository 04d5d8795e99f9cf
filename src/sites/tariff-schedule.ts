import { Tariff, TimeOfUseRule } from './site.entity';
import { localParts, localToEpochMs } from './zoned-time';

/** One step of the planner's `pricePerKwh`: the price holds from `from` until the next step. */
export interface PriceStepUtc {
  from: string;
  price: number;
}

const MINUTES_PER_DAY = 24 * 60;
const DAY_MS = 24 * 3600 * 1000;

export function minuteOfDay(localTime: string): number {
  const [hours, minutes] = localTime.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Does the rule apply at this local minute of this ISO weekday? A rule past midnight belongs to its start day. */
export function ruleCovers(rule: TimeOfUseRule, weekday: number, minute: number): boolean {
  const start = minuteOfDay(rule.startLocal);
  const end = minuteOfDay(rule.endLocal);
  const onDay = (day: number) => !rule.weekdays?.length || rule.weekdays.includes(day);
  if (start < end) return onDay(weekday) && minute >= start && minute < end;
  const previousDay = weekday === 1 ? 7 : weekday - 1;
  return (onDay(weekday) && minute >= start) || (onDay(previousDay) && minute < end);
}

/** Minutes of the week (per ISO weekday, as HH:MM) that no time-of-use rule prices, at most `limit` of them. */
export function uncoveredLocalTimes(rules: TimeOfUseRule[], limit = 3): string[] {
  const gaps: string[] = [];
  for (let weekday = 1; weekday <= 7 && gaps.length < limit; weekday++) {
    for (let minute = 0; minute < MINUTES_PER_DAY && gaps.length < limit; minute++) {
      if (!rules.some((rule) => ruleCovers(rule, weekday, minute))) {
        const hh = String(Math.floor(minute / 60)).padStart(2, '0');
        const mm = String(minute % 60).padStart(2, '0');
        gaps.push(`weekday ${weekday} ${hh}:${mm}`);
        const runEnd = nextCoveredMinute(rules, weekday, minute);
        minute = runEnd - 1;
      }
    }
  }
  return gaps;
}

function nextCoveredMinute(rules: TimeOfUseRule[], weekday: number, from: number): number {
  let minute = from;
  while (minute < MINUTES_PER_DAY && !rules.some((rule) => ruleCovers(rule, weekday, minute))) minute++;
  return minute;
}

function touPriceAt(rules: TimeOfUseRule[], epochMs: number, timeZone: string): number | undefined {
  const local = localParts(epochMs, timeZone);
  const minute = local.hour * 60 + local.minute;
  // Later rules win where rules overlap, so an operator can lay an exception over a base band.
  for (let i = rules.length - 1; i >= 0; i--)
    if (ruleCovers(rules[i], local.weekday, minute)) return rules[i].pricePerKwh;
  return undefined;
}

/** Instants in [fromMs, toMs) where a time-of-use rule may start or end, in the site's zone. */
function touBoundaries(rules: TimeOfUseRule[], fromMs: number, toMs: number, timeZone: string): number[] {
  const minutes = new Set(rules.flatMap((rule) => [minuteOfDay(rule.startLocal), minuteOfDay(rule.endLocal)]));
  minutes.add(0);
  const instants: number[] = [];
  for (let dayMs = fromMs - DAY_MS; dayMs < toMs + DAY_MS; dayMs += DAY_MS) {
    const { year, month, day } = localParts(dayMs, timeZone);
    for (const minute of minutes) {
      const instant = localToEpochMs(year, month, day, minute % MINUTES_PER_DAY, timeZone);
      if (instant > fromMs && instant < toMs) instants.push(instant);
    }
  }
  return instants;
}

/**
 * The tariff as a UTC step function over [from, to): explicit price steps win from the first
 * step's time on; before that (or without steps) the recurring time-of-use rules in local time apply.
 * Consecutive equal prices merge. Before the first explicit step with no rule in force, the first step's
 * price holds. Throws if some instant still has no price (the site rules prevent that).
 */
export function priceStepsUtc(tariff: Tariff, timeZone: string, from: Date, to: Date): PriceStepUtc[] {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const steps = tariff.steps.map((step) => ({ at: Date.parse(step.from), price: step.pricePerKwh }));
  const explicitFromMs = steps.length > 0 ? steps[0].at : Infinity;
  const candidates = new Set<number>([fromMs]);
  for (const instant of touBoundaries(tariff.timeOfUse, fromMs, toMs, timeZone)) candidates.add(instant);
  for (const step of steps) if (step.at > fromMs && step.at < toMs) candidates.add(step.at);

  const priceAt = (instant: number): number => {
    if (instant >= explicitFromMs) return steps.filter((step) => step.at <= instant).at(-1)!.price;
    const price = touPriceAt(tariff.timeOfUse, instant, timeZone) ?? steps[0]?.price;
    if (price === undefined) throw new Error(`tariff has no price at ${new Date(instant).toISOString()}`);
    return price;
  };

  const result: PriceStepUtc[] = [];
  for (const instant of [...candidates].sort((a, b) => a - b)) {
    const price = priceAt(instant);
    if (result.at(-1)?.price !== price) result.push({ from: new Date(instant).toISOString(), price });
  }
  return result;
}
