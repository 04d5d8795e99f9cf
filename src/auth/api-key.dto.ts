import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { PageMeta } from '../common/pagination';
import { ApiKey, Role, ROLES } from './api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ops-centre dashboard' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class ApiKeyResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'First characters of the token' }) tokenPrefix!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;

  static from(key: ApiKey): ApiKeyResponse {
    const { id, name, role, tokenPrefix, createdAt, revokedAt } = key;
    return { id, name, role, tokenPrefix, createdAt, revokedAt };
  }
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The bearer token; shown once, store it now' }) token!: string;
}

export class ApiKeyPage extends PageMeta {
  @ApiProperty({ type: [ApiKeyResponse] }) items!: ApiKeyResponse[];
}
