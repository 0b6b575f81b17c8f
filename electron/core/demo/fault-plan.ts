import type { Fault, Route } from './types.js';

type FailFault = Extract<Fault, { kind: 'fail' }>;
type RequestFault = Exclude<Fault, FailFault>;

interface Entry<F> {
  fault: F;
  remaining: number;
}

/**
 * FIFO queues of scripted faults. Per-request faults are taken by the request
 * that hits their route; 'fail' faults sit in their own queue until a task
 * completes, because "the next task that completes" is not tied to a request.
 */
export class FaultPlan {
  private readonly perRoute = new Map<Route, Entry<RequestFault>[]>();
  private readonly failures: Entry<FailFault>[] = [];

  add(fault: Fault): void {
    const remaining = Math.max(1, Math.floor(fault.times ?? 1));
    if (fault.kind === 'fail') {
      this.failures.push({ fault, remaining });
      return;
    }
    const queue = this.perRoute.get(fault.route) ?? [];
    queue.push({ fault, remaining });
    this.perRoute.set(fault.route, queue);
  }

  clear(): void {
    this.perRoute.clear();
    this.failures.length = 0;
  }

  /** The fault the current request on `route` must suffer, if any. */
  takeForRequest(route: Route): RequestFault | undefined {
    return take(this.perRoute.get(route));
  }

  /** The failure the next completing task must report instead, if any. */
  takeFailure(): FailFault | undefined {
    return take(this.failures);
  }
}

function take<F>(queue: Entry<F>[] | undefined): F | undefined {
  const head = queue?.[0];
  if (!queue || !head) return undefined;
  head.remaining -= 1;
  if (head.remaining <= 0) queue.shift();
  return head.fault;
}
