import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AppLogger } from '../logging/app-logger';
import { ApiKeysService } from './api-keys.service';

/**
 * Without APRON_ADMIN_TOKEN and without an admin key, nobody could ever make a key: every call would answer 401. The
 * first start makes one and prints its token once (only its hash is stored, so it can never be shown again).
 */
@Injectable()
export class FirstAdminKey implements OnApplicationBootstrap {
  constructor(
    private readonly apiKeys: ApiKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.apiKeys.createFirstAdminKey();
    if (!created) return;
    // Written whatever LOG_LEVEL says: a token that is not shown now is lost.
    const out = new AppLogger('verbose', this.config.logFormat);
    const { key, token } = created;
    const createNew = 'create a new admin key (POST /api/v1/api-keys {"name":"…","role":"admin"})';
    const revokeThis = `revoke this one (DELETE /api/v1/api-keys/${key.id})`;
    if (this.config.logFormat === 'json') {
      const message = `First start: created the admin API key ${token} (shown only this once; store it now)`;
      out.warn(`${message}. To rotate it: ${createNew}, then ${revokeThis}.`, 'FirstRun');
      return;
    }
    const lines = [
      'First start: no admin API key existed, so Apron created one.',
      'It is shown only this once; store it now:',
      '',
      `    ${token}`,
      '',
      'Send it as "Authorization: Bearer <key>". To rotate it:',
      `  ${createNew},`,
      `  then ${revokeThis}.`,
    ];
    out.warn(box(lines), 'FirstRun');
  }
}

function box(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '+' + '-'.repeat(width + 2) + '+';
  return ['', rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule].join('\n');
}
