import { Injectable, NestMiddleware, PayloadTooLargeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** A season's SSIM file of 50,000 legs is about 10 MB; allow some room. */
export const MAX_SCHEDULE_BYTES = 64 * 1024 * 1024;

/**
 * Reads text/plain and text/csv bodies (schedule files) as a string; the app's parsers only read JSON. Other types
 * pass untouched (the controller answers 415).
 */
@Injectable()
export class TextBodyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'text/plain' && type !== 'text/csv') return next();
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_SCHEDULE_BYTES) chunks.push(chunk);
    });
    request.on('error', next);
    request.on('end', () => {
      if (bytes > MAX_SCHEDULE_BYTES) return next(new PayloadTooLargeException(`schedule files are at most 64 MB`));
      // SSIM is ASCII; latin1 keeps every byte as one character, so columns stay where they are.
      request.body = Buffer.concat(chunks).toString(type === 'text/plain' ? 'latin1' : 'utf8');
      next();
    });
  }
}
