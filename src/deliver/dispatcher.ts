// The outbox dispatcher: hands each destination its due deliveries and records the outcome in
// SQLite, so a delivered alert is never sent again, also after a restart.
import type pino from "pino";
import type { AlertDestination, DeliveryOutcome } from "../core/alert.js";
import { markDelivered, markFailed, pendingDeliveries } from "../store/alerts.js";
import type { Store } from "../store/store.js";
import { retryDecision } from "./retry.js";

export interface DispatcherOptions {
  store: Store;
  destinations: AlertDestination[];
  now?: () => Date;
  log?: pino.Logger;
  /** Deliveries taken per destination and tick. */
  batchSize?: number;
}

export interface TickResult {
  delivered: number;
  retrying: number;
  failed: number;
}

export class Dispatcher {
  private readonly destinations: AlertDestination[];
  private readonly now: () => Date;
  private running: Promise<TickResult> | null = null;
  private next: Promise<TickResult> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DispatcherOptions) {
    this.destinations = [...options.destinations];
    this.now = options.now ?? (() => new Date());
  }

  addDestination(destination: AlertDestination): void {
    if (!this.destinations.some((d) => d.name === destination.name)) this.destinations.push(destination);
  }

  get destinationNames(): string[] {
    return this.destinations.map((d) => d.name);
  }

  /**
   * One pass over every destination's due deliveries. A call while a pass runs gets the next pass,
   * which starts when that one ends: the running pass may have read the outbox before the caller's
   * alerts were written. Calls meanwhile share that next pass.
   */
  tick(): Promise<TickResult> {
    if (this.next) return this.next;
    if (this.running) {
      this.next = this.running
        .catch(() => undefined)
        .then(() => {
          this.next = null;
          return this.tick();
        });
      return this.next;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Ticks every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch((e: Error) => this.options.log?.error({ err: e }, "dispatcher pass failed"));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the interval and waits for the pass in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await (this.next ?? this.running)?.catch(() => undefined);
  }

  private async pass(): Promise<TickResult> {
    const result: TickResult = { delivered: 0, retrying: 0, failed: 0 };
    // destinations are independent: a slow Slack must not hold back the web console
    await Promise.all(this.destinations.map((d) => this.deliverTo(d, result)));
    return result;
  }

  private async deliverTo(destination: AlertDestination, result: TickResult): Promise<void> {
    const { store, log } = this.options;
    const due = pendingDeliveries(store, destination.name, this.now(), this.options.batchSize ?? 50);
    for (const delivery of due) {
      let outcome: DeliveryOutcome;
      try {
        outcome = await destination.deliver(delivery.alert);
      } catch (e) {
        outcome = { ok: false, retryable: true, error: (e as Error).message || String(e) };
      }
      if (!store.db.open) return;
      if (outcome.ok) {
        markDelivered(store, delivery.id, this.now());
        result.delivered++;
        continue;
      }
      const decision = retryDecision(delivery.attempts, outcome);
      if (decision.retry) {
        markFailed(store, delivery.id, new Date(this.now().getTime() + decision.delayMs), outcome.error);
        result.retrying++;
        log?.warn(
          { alert: delivery.alertId, destination: destination.name, retryInMs: decision.delayMs },
          `alert delivery failed, will retry: ${outcome.error}`,
        );
        // a rate limit or an outage applies to the rest of this batch too
        return;
      } else {
        markFailed(store, delivery.id, null, outcome.error);
        result.failed++;
        log?.error(
          { alert: delivery.alertId, destination: destination.name },
          `alert delivery gave up: ${outcome.error}`,
        );
      }
    }
  }
}
