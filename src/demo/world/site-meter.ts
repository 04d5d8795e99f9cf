/**
 * The grid meter of one site: every simulated minute, charging power from the chargers' energy registers (average
 * over the minute) and delivered power at the minute's end, each plus the site's base load, against its grid limit.
 */
export interface MeterSample {
  at: Date;
  /** Charging + base load, averaged over the minute, kW. */
  siteKw: number;
  /** Charging + base load at the minute's end, kW. */
  siteInstantKw: number;
  energyKwh: number;
}

/** Power above the limit by less than this is rounding in profiles and meters, not an overrun. */
const TOLERANCE_KW = 1;

export class SiteMeter {
  readonly samples: MeterSample[] = [];
  private energyKwh = 0;
  private costCny = 0;

  constructor(
    readonly gridLimitKw: number,
    readonly baseLoadKw: number,
    private readonly priceAt: (at: Date) => number = () => 0,
  ) {}

  record(at: Date, minutes: number, chargedKwh: number, chargingInstantKw: number): MeterSample {
    const sample = {
      at,
      siteKw: chargedKwh / (minutes / 60) + this.baseLoadKw,
      siteInstantKw: chargingInstantKw + this.baseLoadKw,
      energyKwh: chargedKwh,
    };
    this.samples.push(sample);
    this.energyKwh += chargedKwh;
    this.costCny += chargedKwh * this.priceAt(at);
    return sample;
  }

  get last(): MeterSample | undefined {
    return this.samples[this.samples.length - 1];
  }

  /** Highest minute-average site power, kW. */
  get peakKw(): number {
    return this.samples.reduce((peak, s) => Math.max(peak, s.siteKw), 0);
  }

  get peakInstantKw(): number {
    return this.samples.reduce((peak, s) => Math.max(peak, s.siteInstantKw), 0);
  }

  /** Minutes whose average site power exceeded the grid limit. */
  get minutesOverLimit(): number {
    return this.samples.filter((s) => s.siteKw > this.gridLimitKw + TOLERANCE_KW).length;
  }

  get chargedKwh(): number {
    return this.energyKwh;
  }

  get energyCost(): number {
    return this.costCny;
  }
}
