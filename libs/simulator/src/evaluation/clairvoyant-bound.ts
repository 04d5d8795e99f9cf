import { HighsAdapter, LinearModelBuilder } from '@apron/planner';
import { TAPER_KNEE_PERCENT } from './charge-limits';
import type { SiteDay } from './evaluation-types';
import { initialSessions } from './initial-state';

export interface PublicEnergyBound {
  /** Least public energy any policy can leave undelivered on this day and grid limit, kWh. */
  undeliveredKwh: number;
  /** The same as a share of the energy the EVs asked for, percent. */
  undeliveredPercent: number;
  requiredKwh: number;
  sessions: number;
  columns: number;
}

/**
 * The clairvoyant optimum of public energy: one LP over the whole day that knows every arrival, departure and need in
 * advance and shares the grid limit perfectly. Its constraints are implied by the simulator's physics (simulate-day.ts,
 * charge-limits.ts): an EV charges only in the steps it is present (a leaving EV for its present share of the step),
 * at most its own and its connector's kW, never past its target, under the taper (p·(B − knee) ≤ L·(B − e_end), which
 * the simulator's step limit satisfies), two connectors within their charger's kW, the site within limit − base load.
 * So no policy, online or not, leaves less undelivered: the floor against which policies are compared. Undefined for
 * a day without public EVs or with a fleet (vehicles would share the limit; the bound would need their tasks too).
 */
export async function clairvoyantPublicEnergyBound(day: SiteDay): Promise<PublicEnergyBound | undefined> {
  const sessions = initialSessions(day);
  if (sessions.length === 0 || (day.base.vehicles ?? []).length > 0) return undefined;
  const { stepMinutes } = day;
  const hours = stepMinutes / 60;
  const steps = Math.ceil(day.dayMinutes / stepMinutes);
  const chargers = new Map(day.base.chargers.map((charger) => [charger.id, charger]));
  const builder = new LinearModelBuilder();
  const siteTerms: [number, number][][] = Array.from({ length: steps }, () => []);
  const chargerTerms = new Map<string, [number, number][][]>();
  let requiredKwh = 0;
  sessions.forEach((session, s) => {
    const charger = chargers.get(session.spec.chargerId);
    const connectorKw = charger?.maxKwPerConnector ?? 0;
    const limitKw = Math.min(session.spec.maxChargeKw ?? connectorKw, connectorKw);
    const efficiency = session.spec.chargeEfficiency ?? 1;
    const batteryKwh = session.spec.batteryKwh;
    const kneeKwh = (batteryKwh * TAPER_KNEE_PERCENT) / 100;
    const headroomKwh = Math.max(0, session.targetKwh - session.energyKwh);
    requiredKwh += headroomKwh;
    if (headroomKwh <= 0 || limitKw <= 0) return;
    const stored: [number, number][] = [];
    for (let k = 0; k < steps; k++) {
      const minutes = k * stepMinutes;
      // The simulator plugs an EV in at the first step boundary at or after its arrival.
      if (session.arrivalMinutes > minutes || session.departureMinutes <= minutes) continue;
      const presentShare = Math.min(1, (session.departureMinutes - minutes) / stepMinutes);
      // Cost: −stored kWh, so the LP maximises what reaches the batteries.
      const kw = builder.addColumn(`p_${s}_${k}`, 0, presentShare * limitKw, -efficiency * hours);
      stored.push([kw, efficiency * hours]);
      // Taper at the step's end energy: kw·(B − knee) + L·(e0 + stored so far) ≤ L·B.
      builder.addRow(`taper_${s}_${k}`, -Infinity, limitKw * (batteryKwh - session.energyKwh), [
        [kw, batteryKwh - kneeKwh],
        ...stored.map(([column, kwh]): [number, number] => [column, limitKw * kwh]),
      ]);
      siteTerms[k].push([kw, 1]);
      const perCharger = chargerTerms.get(session.spec.chargerId) ?? Array.from({ length: steps }, () => []);
      perCharger[k].push([kw, 1]);
      chargerTerms.set(session.spec.chargerId, perCharger);
    }
    if (stored.length > 0) builder.addRow(`target_${s}`, -Infinity, headroomKwh, stored);
  });
  const siteKw = Math.max(0, day.base.site.gridLimitKw - (day.base.site.baseLoadKw ?? 0));
  siteTerms.forEach((terms, k) => terms.length > 0 && builder.addRow(`site_${k}`, -Infinity, siteKw, terms));
  for (const [chargerId, perStep] of chargerTerms) {
    const charger = chargers.get(chargerId);
    const maxKw = charger?.maxKw ?? (charger?.connectors ?? 1) * (charger?.maxKwPerConnector ?? 0);
    perStep.forEach(
      (terms, k) => terms.length > 1 && builder.addRow(`charger_${chargerId}_${k}`, -Infinity, maxKw, terms),
    );
  }
  const model = builder.build();
  const adapter = new HighsAdapter();
  try {
    await adapter.load(model, 'clairvoyant');
    const outcome = await adapter.solve({ timeLimitSeconds: 120, mipGap: 0 });
    if (outcome.status !== 'optimal' || outcome.objective === undefined) {
      throw new Error(`clairvoyant public-energy LP ${outcome.status}: ${outcome.message}`);
    }
    const undeliveredKwh = Math.max(0, requiredKwh + outcome.objective);
    return {
      undeliveredKwh,
      undeliveredPercent: requiredKwh > 0 ? (100 * undeliveredKwh) / requiredKwh : 0,
      requiredKwh,
      sessions: sessions.length,
      columns: model.numCols,
    };
  } finally {
    await adapter.dispose();
  }
}
