import { deriveAlerts } from './plan-alerts';
import { aPlan, at } from './plan-fixtures.spec-helper';

const NOW = at('2026-11-22T06:05:00Z');
const codes = (alerts: { code: string }[]) => alerts.map((alert) => alert.code);

describe('deriveAlerts', () => {
  it('raises nothing for a healthy plan with online chargers', () => {
    const chargers = [{ chargePointId: 'CP-01', online: true, faultedConnectors: [] }];
    expect(deriveAlerts({ plan: aPlan(), latest: { applied: 'new', reason: null }, chargers, nowMs: NOW })).toEqual([]);
  });

  it('says a plan fell back or was kept, with the reason', () => {
    const alerts = deriveAlerts({
      plan: aPlan(),
      latest: { applied: 'fallback', reason: 'planner returned infeasible' },
      chargers: [],
      nowMs: NOW,
    });
    expect(alerts).toEqual([{ code: 'plan-fallback', severity: 'critical', message: 'planner returned infeasible' }]);
  });

  it('reports offline chargers and faulted connectors of online ones', () => {
    const alerts = deriveAlerts({
      plan: null,
      latest: null,
      chargers: [
        { chargePointId: 'CP-01', online: false, faultedConnectors: [] },
        { chargePointId: 'CP-02', online: true, faultedConnectors: [2] },
      ],
      nowMs: NOW,
    });
    expect(alerts.map((alert) => [alert.code, alert.chargerId])).toEqual([
      ['charger-offline', 'CP-01'],
      ['charger-faulted', 'CP-02'],
    ]);
  });

  it("warns once per charger that refuses Apron's power limits, with the reason and what it is counted at (issue 15)", () => {
    const chargers = [
      {
        chargePointId: 'CAN-CP03',
        online: true,
        faultedConnectors: [],
        uncontrolled: { reason: 'NotImplemented', fullKw: 150 },
      },
      { chargePointId: 'CAN-CP04', online: true, faultedConnectors: [] },
    ];
    expect(deriveAlerts({ plan: aPlan(), latest: null, chargers, nowMs: NOW })).toEqual([
      {
        code: 'charger-uncontrolled',
        severity: 'warning',
        chargerId: 'CAN-CP03',
        message:
          "charger CAN-CP03 refuses Apron's power limits (NotImplemented): counted at its full 150 kW while a vehicle " +
          'is on it, and asked again later',
      },
    ]);
  });

  it('puts a task at risk when it is unserved or a vehicle starts it below its reserve', () => {
    const unserved = aPlan({ result: { assignments: [], unserved: [{ taskId: 'T1', missingVehicles: 1 }] } });
    const [short] = deriveAlerts({ plan: unserved, latest: null, chargers: [], nowMs: NOW });
    expect(short).toMatchObject({ code: 'task-at-risk', severity: 'critical', taskId: 'T1' });
    expect(short.message).toBe('task T1 at risk: short of 1 vehicle(s)');

    const low = aPlan({
      result: {
        soc: [{ vehicleId: 'BUS-01', percent: [50, 40, 30, 25, 15, 15, 15, 15, 15] }],
      },
    });
    const alerts = deriveAlerts({ plan: low, latest: null, chargers: [], nowMs: NOW });
    expect(codes(alerts)).toEqual(['task-at-risk', 'vehicle-below-reserve']);
    expect(alerts[0].message).toBe('task T1 at risk: BUS-01 starts at 15 % (reserve 20 %)');
    expect(alerts[1]).toMatchObject({ vehicleId: 'BUS-01', at: '2026-11-22T07:00:00.000Z' });
  });

  it('warns of a vehicle below its reserve now by its live estimate, once, whatever the plan predicts', () => {
    const low = aPlan({ result: { soc: [{ vehicleId: 'BUS-01', percent: [15, 15, 15, 15, 15, 15, 15, 15, 15] }] } });
    const vehicles = [
      { fleetNumber: 'BUS-01', inService: true, minSocPercent: 20, socPercent: 15.04 },
      { fleetNumber: 'BUS-02', inService: false, minSocPercent: 25, socPercent: 5 },
      { fleetNumber: 'BUS-03', inService: true, minSocPercent: 20, socPercent: null },
    ];
    const alerts = deriveAlerts({ plan: low, latest: null, chargers: [], vehicles, nowMs: NOW });
    expect(alerts.filter((alert) => alert.code === 'vehicle-below-reserve')).toEqual([
      {
        code: 'vehicle-below-reserve',
        severity: 'critical',
        message: 'vehicle BUS-01 is at 15 % now (reserve 20 %)',
        vehicleId: 'BUS-01',
      },
    ]);
  });

  it('ignores a vehicle that was below its reserve only before now', () => {
    const plan = aPlan({ result: { soc: [{ vehicleId: 'BUS-02', percent: [10, 30, 30, 30, 30, 30, 30, 30, 30] }] } });
    expect(deriveAlerts({ plan, latest: null, chargers: [], nowMs: at('2026-11-22T06:15:00Z') })).toEqual([]);
  });

  it('warns when planned power plus base load reaches 95 % of the grid limit within the next hour only', () => {
    const near = aPlan({ result: { sitePowerKw: [0, 0, 330, 0, 0, 0, 0, 0] } });
    const [alert] = deriveAlerts({ plan: near, latest: null, chargers: [], nowMs: NOW });
    expect(alert).toMatchObject({ code: 'site-near-limit', at: '2026-11-22T06:30:00.000Z' });
    expect(alert.message).toBe('site at 380 kW of its 400 kW grid limit (95 %) from 2026-11-22T06:30:00.000Z');

    const later = aPlan({ result: { sitePowerKw: [0, 0, 0, 0, 0, 360, 0, 0] } });
    expect(deriveAlerts({ plan: later, latest: null, chargers: [], nowMs: NOW })).toEqual([]);
  });
});
