import { Injectable, NotFoundException } from '@nestjs/common';
import { VehicleIdentityService } from '../../fleet/vehicle-identity.service';
import { SocHistoryRow } from '../persistence/soc-history.entity';
import { SocHistoryRepository } from '../persistence/soc-history.repository';

export interface SocHistoryRange {
  from?: Date;
  to?: Date;
}

/** A vehicle's SoC estimates after each input, for the fleet API. */
@Injectable()
export class SocHistoryService {
  constructor(
    private readonly directory: VehicleIdentityService,
    private readonly history: SocHistoryRepository,
  ) {}

  /** Oldest first, with the total in the range; 404 for a vehicle that does not exist. */
  async page(
    vehicleId: string,
    range: SocHistoryRange,
    limit: number,
    offset: number,
  ): Promise<[SocHistoryRow[], number]> {
    if (!(await this.directory.get(vehicleId))) throw new NotFoundException(`Vehicle ${vehicleId} not found`);
    return this.history.list(vehicleId, range.from, range.to, limit, offset);
  }
}
