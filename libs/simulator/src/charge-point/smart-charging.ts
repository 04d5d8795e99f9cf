/**
 * The smart-charging side of the virtual charge point: installed profiles, the limits they impose on each connector
 * over time (the composite schedule of ocpp-model), and energy integration under those limits.
 */
import {
  ChargingRateUnit,
  CompositeSchedule,
  compositeSchedule,
  limitAtW,
  NeutralChargingProfile,
} from '@apron/ocpp-model';
import { ChargePointSettings } from './charge-point-settings';
import { ChargingConnector } from './charging-connector';
import { Clock } from './clock';
import { ClearCriteria, InstallDecision, ProfileStore } from './profile-store';

export class SmartCharging {
  readonly profiles = new ProfileStore();

  constructor(
    private readonly version: '1.6' | '2.0.1',
    private readonly clock: Clock,
    private readonly settings: ChargePointSettings,
    private readonly connectors: ChargingConnector[],
  ) {}

  /** Integrates every connector's energy up to now under the current composite limits. */
  settle(): void {
    const now = this.clock.now();
    const profiles = this.profiles.all();
    // The station maximum is shared equally by the connectors that charge (a simple local load balancer).
    const stationMaxSharedBy = this.connectors.filter((c) => c.isCharging).length;
    for (const c of this.connectors) {
      const tx = c.transaction;
      const options = {
        supply: c.supply,
        maxPowerW: c.maxPowerW,
        transaction: tx?.id ? { id: tx.id, startedAt: tx.startedAt } : undefined,
        stationMaxSharedBy,
      };
      c.settleTo(now, (at) => limitAtW(profiles, c.id, at, options, tx?.startedAt ?? at));
    }
  }

  /** Settles energy under the old profiles first, so a new limit applies from now on (K01.FR.07). */
  install(profile: NeutralChargingProfile): InstallDecision {
    this.settle();
    const decision = this.profiles.install(profile, {
      version: this.version,
      evseCount: this.connectors.length,
      transactionOn: (evseId) => this.connectors.find((c) => c.id === evseId)?.transaction?.id || undefined,
      supportedRateUnits: this.settings.supportedRateUnits,
      maxStackLevel: this.settings.maxStackLevel,
      maxPeriods: this.settings.maxPeriods,
    });
    if (decision.accepted) this.settle();
    return decision;
  }

  clear(criteria: ClearCriteria): number {
    this.settle();
    const cleared = this.profiles.clear(criteria);
    if (cleared > 0) this.settle();
    return cleared;
  }

  /** K08 / 1.6 §5.7: undefined when the EVSE or the rate unit is not known (K08.FR.05, K08.FR.07). */
  composite(evseId: number, durationSeconds: number, rateUnit?: ChargingRateUnit): CompositeSchedule | undefined {
    const c = this.connectors.find((x) => x.id === evseId);
    if (evseId !== 0 && !c) return undefined;
    if (rateUnit && !this.settings.supportedRateUnits.includes(rateUnit)) return undefined;
    const supply = (c ?? this.connectors[0]).supply;
    // K08.FR.03: EVSE 0 reports what the whole station may draw.
    const maxPowerW = c ? c.maxPowerW : this.connectors.reduce((sum, x) => sum + x.maxPowerW, 0);
    const tx = c?.transaction;
    return compositeSchedule(this.profiles.all(), evseId, this.clock.now(), durationSeconds, {
      supply,
      rateUnit: rateUnit ?? 'W',
      maxPowerW,
      transaction: tx?.id ? { id: tx.id, startedAt: tx.startedAt } : undefined,
    });
  }
}
