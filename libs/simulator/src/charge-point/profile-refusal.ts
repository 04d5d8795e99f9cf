import { createRPCError } from 'ocpp-rpc';
import { ChargePointHost } from './charge-point-host';

/**
 * The refusal `faults.refuseChargingProfiles` asks for: true when SetChargingProfile is to be answered `Rejected`;
 * throws the CALLERROR (ocpp-rpc answers the call with its code) for `NotImplemented` / `NotSupported`.
 */
export function refusesChargingProfile(host: ChargePointHost): boolean {
  const refusal = host.faults.refuseChargingProfiles;
  if (refusal === undefined) return false;
  if (refusal === 'Rejected') return true;
  throw createRPCError(refusal, 'this charger does not take charging profiles');
}
