import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { defer, filter, map, merge, Observable, Subject, take } from 'rxjs';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { Page } from '../common/pagination';
import { ApiKey, Role } from './api-key.entity';
import { ApiKeysRepository } from './api-keys.repository';
import { displayPrefix, hashToken, newToken, sameToken } from './token';

const FIRST_ADMIN_KEY_NAME = 'first admin (created at first start)';

export interface Principal {
  role: Role;
  /** The key's name; BOOTSTRAP_TOKEN_NAME for the token from APRON_ADMIN_TOKEN. */
  name: string;
  /** undefined for the bootstrap admin token from APRON_ADMIN_TOKEN. */
  keyId?: string;
}

export const BOOTSTRAP_TOKEN_NAME = 'bootstrap token (APRON_ADMIN_TOKEN)';

@Injectable()
export class ApiKeysService {
  private readonly revokedIds = new Subject<string>();

  constructor(
    private readonly repository: ApiKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a key; the token is returned this once and only its hash is stored. */
  async create(name: string, role: Role): Promise<{ key: ApiKey; token: string }> {
    const token = newToken();
    const key = await this.repository.create(name, role, hashToken(token), displayPrefix(token));
    return { key, token };
  }

  /**
   * The first start without APRON_ADMIN_TOKEN: an admin key when no active one exists, its token returned this once.
   * Null when the bootstrap token is set or an admin key exists (every later start).
   */
  async createFirstAdminKey(): Promise<{ key: ApiKey; token: string } | null> {
    if (this.config.adminToken) return null;
    const token = newToken();
    const key = await this.repository.createFirstAdmin(FIRST_ADMIN_KEY_NAME, hashToken(token), displayPrefix(token));
    return key ? { key, token } : null;
  }

  async authenticate(token: string): Promise<Principal | null> {
    if (this.config.adminToken && sameToken(token, this.config.adminToken)) {
      return { role: 'admin', name: BOOTSTRAP_TOKEN_NAME };
    }
    const key = await this.repository.findActiveByHash(hashToken(token));
    return key ? { role: key.role, name: key.name, keyId: key.id } : null;
  }

  async list(limit: number, offset: number): Promise<Page<ApiKey>> {
    const [items, total] = await this.repository.list(limit, offset);
    return { items, total, limit, offset };
  }

  async revoke(id: string): Promise<ApiKey> {
    const key = await this.repository.findById(id);
    if (!key) throw new NotFoundException(`API key ${id} not found`);
    if (!key.revokedAt) {
      await this.repository.revoke(id, new Date());
      this.revokedIds.next(id);
    }
    return (await this.repository.findById(id))!;
  }

  /**
   * Emits once when the key is revoked, so what was authorised once and stays open (an event stream) ends: the guard
   * checks a key only when a request starts. On subscription it also looks the key up, for a revocation that came
   * between the guard's check and the subscription.
   */
  revocationOf(keyId: string): Observable<void> {
    const revokedAlready = defer(() => this.repository.findById(keyId)).pipe(filter((key) => !key || !!key.revokedAt));
    return merge(this.revokedIds.pipe(filter((id) => id === keyId)), revokedAlready).pipe(
      take(1),
      map(() => undefined),
    );
  }
}
