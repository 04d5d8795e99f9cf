/**
 * Everything outside the service in the demo: both sites seeded through the admin API, their virtual chargers on real
 * OCPP websockets, the airport's buses and the highway's public EVs, and a grid meter per site. One `step` is one
 * simulated minute on the shared ManualClock (which the service reads too).
 */
import { randomBytes } from 'node:crypto';
import { ManualClock, VirtualChargePoint } from '../../../libs/simulator/src/charge-point';
import { meterReading } from '../../../libs/simulator/src/depot';
import { LoopbackApi } from '../loopback-api';
import { AirportSize, guangzhouDepot, GUANGZHOU_DEPOT_SIZE } from '../sites/guangzhou-depot';
import { guangdongPriceAt } from '../sites/guangdong-time';
import { holidayHighway, HighwaySize, HOLIDAY_HIGHWAY_SIZE } from '../sites/holiday-highway';
import { AirportOperations } from './airport-operations';
import { FlightSchedule } from './flight-schedule';
import { HighwayTraffic } from './highway-traffic';
import { createApiKey, seedAirport, SeededAirport, SeededHighway, seedHighway } from './seed-sites';
import { SiteMeter } from './site-meter';
import { startChargers, stopChargers, virtualChargers } from './virtual-chargers';

export interface DemoWorldOptions {
  /** http://127.0.0.1:PORT of the running service. */
  baseUrl: string;
  adminToken: string;
  /** Shared with the service: the demo moves it, the service reads it. */
  clock: ManualClock;
  seed: number;
  hours: number;
  airportSize?: AirportSize;
  highwaySize?: HighwaySize;
  /** Simulated seconds between meter values until the service configures the chargers; default 60. */
  meterIntervalSeconds?: number;
  /** Simulated minutes between two reads of the dispatcher's task board; default 2. */
  boardEveryMinutes?: number;
  /** How far ahead of their start transfer tasks are published; default 24 h. */
  scheduleAheadHours?: number;
}

const HOUR_MS = 3_600_000;

export class DemoWorld {
  readonly errors: string[] = [];
  private minutes = 0;

  private constructor(
    readonly clock: ManualClock,
    readonly airportSiteId: string,
    readonly highwaySiteId: string,
    /** A dispatcher key the demo's ground operations use. */
    readonly dispatcher: LoopbackApi,
    readonly airport: AirportOperations,
    readonly highway: HighwayTraffic,
    readonly airportMeter: SiteMeter,
    readonly highwayMeter: SiteMeter,
    private readonly boardEveryMinutes: number,
  ) {}

  static async create(options: DemoWorldOptions): Promise<DemoWorld> {
    const start = options.clock.now();
    const admin = new LoopbackApi(options.baseUrl, options.adminToken);
    const airportSize = options.airportSize ?? GUANGZHOU_DEPOT_SIZE;
    const highwaySize = options.highwaySize ?? HOLIDAY_HIGHWAY_SIZE;
    const aheadHours = options.scheduleAheadHours ?? 24;
    const airportSpec = guangzhouDepot(options.seed, start, options.hours, aheadHours, airportSize);
    const highwaySpec = holidayHighway(options.seed, start, options.hours, highwaySize);
    const password = randomBytes(12).toString('base64url');
    const seededAirport: SeededAirport = await seedAirport(admin, airportSpec, password);
    // The tasks the first plan must see are in place before any charger connects.
    const feed = admin.as(await createApiKey(admin, 'demo flight feed', 'flight-feed'));
    const schedule = new FlightSchedule(admin, feed, seededAirport.siteId, airportSpec.stands, airportSpec.flights);
    await schedule.publish(start);
    const seededHighway: SeededHighway = await seedHighway(admin, highwaySpec, password);
    const dispatcher = admin.as(await createApiKey(admin, 'demo ground operations', 'dispatcher'));

    const link = {
      endpoint: `${options.baseUrl.replace(/^http/, 'ws')}/ocpp`,
      password,
      meterIntervalSeconds: options.meterIntervalSeconds ?? 60,
    };
    const airportChargers = virtualChargers(airportSpec.chargers, options.clock, link);
    const highwayChargers = virtualChargers(highwaySpec.chargers, options.clock, link);
    await startChargers([...airportChargers, ...highwayChargers]);

    const world = new DemoWorld(
      options.clock,
      seededAirport.siteId,
      seededHighway.siteId,
      dispatcher,
      new AirportOperations(
        dispatcher,
        seededAirport.siteId,
        airportSpec,
        schedule,
        airportChargers,
        options.clock,
        new Date(start.getTime() + options.hours * HOUR_MS),
      ),
      new HighwayTraffic(highwaySpec.evs, highwayChargers),
      new SiteMeter(airportSize.gridLimitKw, airportSize.baseLoadKw, guangdongPriceAt),
      new SiteMeter(highwaySize.gridLimitKw, highwaySize.baseLoadKw, guangdongPriceAt),
      options.boardEveryMinutes ?? 2,
    );
    await world.airport.settle();
    await world.highway.act(options.clock.now());
    return world;
  }

  get chargePoints(): VirtualChargePoint[] {
    return [...this.airport.chargePoints, ...this.highway.chargePoints];
  }

  /** Simulated minutes stepped so far. */
  get elapsedMinutes(): number {
    return this.minutes;
  }

  /** One simulated minute: buses and EVs act, both sites are metered. */
  async step(): Promise<void> {
    await this.airport.publishSchedule().catch((error: unknown) => this.fail('publishing flights', error));
    if (this.minutes % this.boardEveryMinutes === 0) {
      await this.airport.readBoard().catch((error: unknown) => this.fail('reading the task board', error));
    }
    const highwayBefore = meterReading(this.highway.chargePoints).registerKwh;
    const [airportSample] = await this.airport
      .step(1)
      .catch((error: unknown) => (this.fail('moving the depot', error), []));
    const now = this.clock.now();
    const highwayAfter = meterReading(this.highway.chargePoints);
    await this.highway.act(now).catch((error: unknown) => this.fail('moving the highway traffic', error));
    if (airportSample) {
      this.airportMeter.record(now, 1, airportSample.energyKwh, airportSample.sitePowerKw);
    }
    this.highwayMeter.record(now, 1, highwayAfter.registerKwh - highwayBefore, highwayAfter.powerKw);
    this.minutes += 1;
  }

  /** Runs a scheduling tick at both sites now (for runs with the interval scheduler off). */
  async solveNow(): Promise<void> {
    for (const siteId of [this.airportSiteId, this.highwaySiteId]) {
      await this.dispatcher.post(`/api/v1/sites/${siteId}/solve-now`);
    }
  }

  async stop(): Promise<void> {
    await stopChargers(this.chargePoints);
  }

  private fail(what: string, error: unknown): void {
    const at = this.clock.now().toISOString();
    this.errors.push(`${at} ${what}: ${(error as Error).message}`);
  }
}
