/**
 * Calls a simulator makes to the outside: webhook deliveries (mystore.no, MyCashflow's
 * registered webhooks). The embedder decides where they may go by giving `send` (the hub passes
 * its outbound policy, a test a fake); without one a delivery is refused and recorded as such,
 * so a simulator inside the hub never calls an address nobody allowed.
 */
export interface Delivery {
  /** ISO 8601 time it was sent. */
  at: string;
  url: string;
  /** The sent body: parsed JSON when it is JSON, the text otherwise (XML, a form). */
  body: unknown;
  /** The receiver's status, or undefined when it did not answer. */
  status?: number;
  error?: string;
}

export type Send = (request: Request) => Promise<Response>;

export type Deliveries = ReturnType<typeof createDeliveries>;

export function createDeliveries(options: { send?: Send; now: () => Date; limit?: number }) {
  const limit = options.limit ?? 1000;
  const log: Delivery[] = [];
  const keep = (delivery: Delivery) => {
    log.push(delivery);
    if (log.length > limit) log.splice(0, log.length - limit);
    return delivery;
  };

  return {
    get log(): readonly Delivery[] {
      return log;
    },
    clear(): void {
      log.length = 0;
    },
    /** POSTs `body` (JSON unless it is a string) to `url`; never throws, the outcome is in the returned entry. */
    async deliver(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Delivery> {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const entry: Delivery = { at: options.now().toISOString(), url, body };
      if (!options.send) return keep({ ...entry, error: 'this sandbox may not send anything out: it was started without a sender' });
      const contentType = typeof body === 'string' ? 'text/plain' : 'application/json';
      try {
        const response = await options.send(new Request(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body: text }));
        await response.body?.cancel();
        return keep({ ...entry, status: response.status });
      } catch (error) {
        return keep({ ...entry, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
