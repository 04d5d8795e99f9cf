import { FieldError } from '../common/field-errors';
import { Tariff } from './site.entity';
import { uncoveredLocalTimes } from './tariff-schedule';

/** Rules a site must satisfy that span fields or need more than a decorator. */
export interface SiteShape {
  timeZone: string;
  gridLimitKw: number;
  baseLoadKw: number;
  tariff: Tariff;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function siteRuleViolations(site: SiteShape): FieldError[] {
  const errors: FieldError[] = [];
  if (!isKnownTimeZone(site.timeZone)) {
    errors.push({ field: 'timeZone', messages: [`timeZone "${site.timeZone}" is not an IANA time zone`] });
  }
  if (site.baseLoadKw >= site.gridLimitKw) {
    errors.push({ field: 'baseLoadKw', messages: ['baseLoadKw must be below gridLimitKw, or nothing can charge'] });
  }
  const starts = site.tariff.steps.map((step) => Date.parse(step.from));
  starts.forEach((start, index) => {
    if (index > 0 && start <= starts[index - 1]) {
      errors.push({ field: `tariff.steps.${index}.from`, messages: ['price steps must be in increasing time order'] });
    }
  });
  site.tariff.timeOfUse.forEach((rule, index) => {
    if (rule.startLocal === rule.endLocal) {
      errors.push({ field: `tariff.timeOfUse.${index}.endLocal`, messages: ['endLocal must differ from startLocal'] });
    }
  });
  const gaps = site.tariff.timeOfUse.length > 0 ? uncoveredLocalTimes(site.tariff.timeOfUse) : [];
  if (gaps.length > 0) {
    errors.push({
      field: 'tariff.timeOfUse',
      messages: [`time-of-use rules must price every minute of the week; no price at ${gaps.join(', ')}`],
    });
  }
  if (site.tariff.steps.length === 0 && site.tariff.timeOfUse.length === 0) {
    errors.push({ field: 'tariff', messages: ['tariff needs at least one price step or time-of-use rule'] });
  }
  return errors;
}
