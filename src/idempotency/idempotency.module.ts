import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKeyRow } from './idempotency-key.entity';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyService } from './idempotency.service';

/**
 * Global so that @IdempotentCreate() can put IdempotencyInterceptor on a create in any feature module. It is no
 * APP_INTERCEPTOR: a global interceptor would also wrap the event stream, which then answers 200 before its handler
 * could answer 404.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyKeyRow])],
  providers: [IdempotencyKeysRepository, IdempotencyService],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
