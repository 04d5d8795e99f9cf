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
