import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiKey, Role } from './api-key.entity';

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  create(name: string, role: Role, tokenHash: string, tokenPrefix: string): Promise<ApiKey> {
    return this.keys.save(this.keys.create({ name, role, tokenHash, tokenPrefix, revokedAt: null }));
  }

  /**
   * Creates the key only when no active admin key exists, as one transaction under an advisory lock, so two instances
   * starting together on one database make one first key, not two. Returns null when an admin key exists already.
   */
  createFirstAdmin(name: string, tokenHash: string, tokenPrefix: string): Promise<ApiKey | null> {
    return this.keys.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('apron.first-admin-key'))`);
      const keys = manager.getRepository(ApiKey);
      if (await keys.exists({ where: { role: 'admin', revokedAt: IsNull() } })) return null;
      return keys.save(keys.create({ name, role: 'admin', tokenHash, tokenPrefix, revokedAt: null }));
    });
  }

  findActiveByHash(tokenHash: string): Promise<ApiKey | null> {
    return this.keys.findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  list(limit: number, offset: number): Promise<[ApiKey[], number]> {
    return this.keys.findAndCount({ order: { createdAt: 'ASC' }, take: limit, skip: offset });
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.keys.findOne({ where: { id } });
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }
}
