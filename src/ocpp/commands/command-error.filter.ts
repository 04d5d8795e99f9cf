import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { Response } from 'express';
import { ChargerCallError, ChargerOfflineError, ChargerTimeoutError, InvalidCommandError } from './charger-commands';

/**
 * Command failures as clear HTTP answers: 409 when the charger is not connected (nothing was sent), 400 when the command
 * cannot be built for this charger, 502 when the charger answered with a CALLERROR, 504 when it did not answer.
 */
@Catch(ChargerOfflineError, ChargerCallError, ChargerTimeoutError, InvalidCommandError)
export class CommandErrorFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof ChargerOfflineError) {
      response
        .status(409)
        .json({ statusCode: 409, error: 'Conflict', message: error.message, reason: 'ChargerOffline' });
    } else if (error instanceof ChargerCallError) {
      response
        .status(502)
        .json({ statusCode: 502, error: 'Bad Gateway', message: error.message, ocppErrorCode: error.errorCode });
    } else if (error instanceof ChargerTimeoutError) {
      response.status(504).json({ statusCode: 504, error: 'Gateway Timeout', message: error.message });
    } else {
      // Like every 400 of the API, with `fields`: the command in the body cannot be built for this charger.
      const fields = [{ field: 'body', messages: [error.message] }];
      response.status(400).json({ statusCode: 400, error: 'Bad Request', message: error.message, fields });
    }
  }
}
