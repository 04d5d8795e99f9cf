import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs the rest of a request's handling with its id, so every line logged on its behalf carries it. */
export function runWithRequestId<T>(requestId: string, handle: () => T): T {
  return storage.run({ requestId }, handle);
}

/** The id of the HTTP request being handled here, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
