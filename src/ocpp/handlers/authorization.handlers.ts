import { Injectable } from '@nestjs/common';
import { V16AuthorizeRequest, V201AuthorizeRequest } from '@apron/ocpp-model';
import { OcppCallContext, OcppHandlerBlock } from '../gateway/ocpp-handler';
import { SessionsService } from '../sessions/sessions.service';
import { IdTagAuthorizer, v16IdTagStatus } from './id-tag-authorizer';

/** Authorize (1.6 §4.1, 2.0.1 C01): fleet idTags, else the site's unknownIdTagPolicy (id-tag-authorizer.ts). */
@Injectable()
export class AuthorizationHandlers implements OcppHandlerBlock {
  constructor(
    private readonly authorizer: IdTagAuthorizer,
    private readonly sessions: SessionsService,
  ) {}

  handlers() {
    return {
      '1.6': {
        Authorize: async (context: OcppCallContext, request: V16AuthorizeRequest) => {
          const decision = await this.authorizer.authorize(context.connection, request.idTag);
          this.sessions.publish(context, { type: 'authorize.requested', idTag: request.idTag });
          return { idTagInfo: { status: v16IdTagStatus(decision.outcome) } };
        },
      },
      '2.0.1': {
        Authorize: async (context: OcppCallContext, request: V201AuthorizeRequest) => {
          const { idToken, type } = request.idToken;
          const decision = await this.authorizer.authorize(context.connection, idToken, type);
          this.sessions.publish(context, { type: 'authorize.requested', idTag: idToken, idTokenType: type });
          // C01.FR.02: idTokenInfo with the status; certificateStatus only for 15118 certificates (not supported).
          return { idTokenInfo: { status: decision.outcome } };
        },
      },
    };
  }
}
