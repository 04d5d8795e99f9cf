import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_MODELS } from './error-response.dto';
import { documentStandardErrors } from './standard-errors';

/** The OpenAPI document, generated from the controllers and DTOs. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Apron')
    .setDescription(
      'Charging and dispatch scheduler for electrified airport ground fleets and highway chargers. ' +
        'Each operation lists the roles whose API keys may call it in `x-roles` (admin may call everything); ' +
        'operations anyone may call carry `x-public: true`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque API key', description: 'API key' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: ERROR_MODELS });
  documentStandardErrors(document);
  return document;
}

/** UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
