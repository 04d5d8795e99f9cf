import { Injectable } from '@nestjs/common';

export interface OcppMessageCount {
  direction: 'inbound' | 'outbound';
  version: string;
  action: string;
  count: number;
}

/**
 * Raw OCPP-J frames (CALL, CALLRESULT, CALLERROR) on every charger websocket of this instance since start-up, by
 * direction, OCPP version and action: plain counters, since they are bumped for every frame; /metrics reads them when
 * scraped.
 */
@Injectable()
export class OcppMessageCounts {
  private readonly counts = new Map<string, OcppMessageCount>();

  count(outbound: boolean, version: string, action: string): void {
    const direction = outbound ? 'outbound' : 'inbound';
    const key = `${direction}|${version}|${action}`;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { direction, version, action, count: 1 });
  }

  all(): OcppMessageCount[] {
    return [...this.counts.values()].map((entry) => ({ ...entry }));
  }
}
