import { Injectable } from '@nestjs/common';
import { map16, map201 } from '@apron/ocpp-model';
import { OcppCallContext, OcppHandlerBlock } from '../gateway/ocpp-handler';
import { ChargerEventsRepository } from '../persistence/charger-events.repository';
import { SessionsService } from '../sessions/sessions.service';

/**
 * Firmware, diagnostics and log progress, device reports, monitoring events, security events and vendor data: stored
 * as charger events and answered with the empty confirmation the specifications define.
 */
@Injectable()
export class DiagnosticsHandlers implements OcppHandlerBlock {
  constructor(
    private readonly chargerEvents: ChargerEventsRepository,
    private readonly sessions: SessionsService,
  ) {}

  handlers() {
    const stored = (action: string) => (context: OcppCallContext, request: Record<string, unknown>) =>
      this.store(context, action, request);
    return {
      '1.6': {
        DiagnosticsStatusNotification: stored('DiagnosticsStatusNotification'),
        FirmwareStatusNotification: stored('FirmwareStatusNotification'),
        DataTransfer: (context: OcppCallContext, request: Record<string, unknown>) =>
          this.dataTransfer(context, request),
      },
      '2.0.1': {
        FirmwareStatusNotification: stored('FirmwareStatusNotification'),
        LogStatusNotification: stored('LogStatusNotification'),
        // B07/B08 report parts and N07 monitoring events; A04 security events (SecurityEventNotification).
        NotifyReport: stored('NotifyReport'),
        NotifyEvent: stored('NotifyEvent'),
        SecurityEventNotification: stored('SecurityEventNotification'),
        DataTransfer: (context: OcppCallContext, request: Record<string, unknown>) =>
          this.dataTransfer(context, request),
      },
    };
  }

  private async store(context: OcppCallContext, action: string, request: Record<string, unknown>) {
    await this.chargerEvents.insert(context.connection.chargePointId, action, context.receivedAt, request);
    const events = context.connection.version === '1.6' ? map16(action, request) : map201(action, request);
    for (const event of events) this.sessions.publish(context, event);
    return {};
  }

  /** No vendor extension is known here: UnknownVendorId (1.6 §4.3, 2.0.1 P01.FR.05), the message is kept. */
  private async dataTransfer(context: OcppCallContext, request: Record<string, unknown>) {
    await this.store(context, 'DataTransfer', request);
    return { status: 'UnknownVendorId' };
  }
}
