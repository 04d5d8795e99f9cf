import { Injectable } from '@nestjs/common';
import { VehicleLive, VehicleLiveState } from '../live-state.ports';

/**
 * Used until a fleet-state module provides estimates: every vehicle is planned at its reserve SoC, which
 * makes the plan charge early rather than late, and each plan run notes the missing estimate.
 */
@Injectable()
export class NoVehicleEstimates implements VehicleLiveState {
  async vehicles(): Promise<Map<string, VehicleLive>> {
    return new Map();
  }
}
