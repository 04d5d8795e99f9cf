import { Injectable } from '@nestjs/common';

/**
 * Raw OCPP-J frames (CALL, CALLRESULT, CALLERROR) on every charger websocket of this instance, by direction, since
 * start-up: plain counters, since they are bumped for every frame; /metrics reads them when scraped.
 */
@Injectable()
export class OcppMessageCounts {
  private inboundFrames = 0;
  private outboundFrames = 0;

  count(outbound: boolean): void {
    if (outbound) this.outboundFrames++;
    else this.inboundFrames++;
  }

  get inbound(): number {
    return this.inboundFrames;
  }

  get outbound(): number {
    return this.outboundFrames;
  }
}
