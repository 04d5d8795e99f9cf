import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One invalid field of a 400: a dotted path (`tariff.steps.0.pricePerKwh`) and what is wrong with it. */
export class FieldErrorResponse {
  @ApiProperty({ example: 'gridLimitKw' }) field!: string;
  @ApiProperty({ type: [String], example: ['gridLimitKw must be a positive number'] }) messages!: string[];
}

/** The body of every error answer (src/common/api-exception.filter.ts). */
export class ErrorResponse {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'Not Found' }) error!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'Site 0d4c… not found',
  })
  message!: string | string[];
}

/** A 400: the request names what was wrong, field by field. */
export class ValidationErrorResponse extends ErrorResponse {
  @ApiProperty({ type: [FieldErrorResponse] }) fields!: FieldErrorResponse[];
}

/** A 412: the resource changed since the version the client sent in If-Match. */
export class PreconditionFailedResponse extends ErrorResponse {
  @ApiPropertyOptional({ description: 'The version the resource is at now; read it again and re-apply the change' })
  currentVersion?: number;
}

export const ERROR_MODELS = [FieldErrorResponse, ErrorResponse, ValidationErrorResponse, PreconditionFailedResponse];
