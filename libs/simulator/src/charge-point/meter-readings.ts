/** The readings a connector reports for the configured measurands (1.6 MeterValuesSampledData, 2.0.1 TxUpdatedMeasurands). */
import { Measurand } from './charge-point-settings';
import { ChargingConnector } from './charging-connector';

export interface Reading {
  measurand: Measurand;
  value: number;
  unit: 'Wh' | 'W' | 'A' | 'V' | 'Percent';
  location?: 'EV' | 'Outlet';
}

export function meterReadings(connector: ChargingConnector, measurands: readonly Measurand[]): Reading[] {
  const readings: Reading[] = [];
  const supply = connector.supply;
  for (const measurand of measurands) {
    switch (measurand) {
      case 'Energy.Active.Import.Register':
        readings.push({ measurand, value: Math.round(connector.energyRegisterWh), unit: 'Wh', location: 'Outlet' });
        break;
      case 'Power.Active.Import':
        readings.push({ measurand, value: Math.round(connector.powerW), unit: 'W', location: 'Outlet' });
        break;
      case 'Power.Offered':
        readings.push({ measurand, value: Math.round(Math.min(connector.limitW, connector.maxPowerW)), unit: 'W' });
        break;
      case 'Current.Import':
        readings.push({ measurand, value: round1(connector.currentA), unit: 'A', location: 'Outlet' });
        break;
      case 'Current.Offered': {
        const offeredW = Math.min(connector.limitW, connector.maxPowerW);
        readings.push({
          measurand,
          value: round1(offeredW / ((supply.phases ?? 1) * (supply.nominalVoltageV ?? 230))),
          unit: 'A',
        });
        break;
      }
      case 'Voltage':
        readings.push({ measurand, value: supply.nominalVoltageV ?? 230, unit: 'V', location: 'Outlet' });
        break;
      case 'SoC':
        // Only known while a vehicle that reports it is plugged in (ISO 15118 / DC).
        if (connector.vehicle)
          readings.push({ measurand, value: round1(connector.socPercent), unit: 'Percent', location: 'EV' });
        break;
    }
  }
  return readings;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
