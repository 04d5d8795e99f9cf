import { Injectable, NotFoundException } from '@nestjs/common';
import { Charger } from '../../chargers/charger.entity';
import { ChargersService } from '../../chargers/chargers.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/api/v1/chargers/{id}/…` of this module accept the charger's id (uuid) or its charge point id. */
@Injectable()
export class ChargerRefService {
  constructor(private readonly chargers: ChargersService) {}

  async resolve(ref: string): Promise<Charger> {
    const charger = UUID.test(ref)
      ? await this.chargers.get(ref).catch(() => null)
      : await this.chargers.findByChargePointId(ref);
    if (!charger) throw new NotFoundException(`Charger ${ref} not found`);
    return charger;
  }
}
