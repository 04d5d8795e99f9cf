import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from './api-key.entity';
import { Principal } from './api-keys.service';

/** Who the calling API key is, as the auth layer knows it. */
export class MeResponse {
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ example: 'ops-centre dashboard' }) name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the bootstrap token from APRON_ADMIN_TOKEN' })
  keyId!: string | null;

  static from(principal: Principal): MeResponse {
    return { role: principal.role, name: principal.name, keyId: principal.keyId ?? null };
  }
}
