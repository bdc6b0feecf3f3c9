/**
 * Fair shares of one process's run slots. Reports are short and follow what the warehouse did, so
 * they have their own lane and never wait behind an import. In the lane of pulls and exports, when
 * the hub serves more than one goods owner, one of them holds at most all slots but one: a goods
 * owner's backlog (a 100k-record first import, many integrations due at once) leaves a slot for the
 * next goods owner, whose flow starts at the next tick. A hub of one goods owner uses every slot.
 * Among the due work, the goods owners running least go first, then the earliest due.
 */
export type Lane = 'reports' | 'pulls';

/** A run in progress in this process. */
export interface Slot {
  goodsOwner: string;
  lane: Lane;
}

export function laneOf(kind: string): Lane {
  return kind === 'report' ? 'reports' : 'pulls';
}

/**
 * The due work to start now, from `due` (earliest first), given the runs in progress, `concurrency`
 * slots per lane and how many goods owners have active integrations.
 */
export function pickFairly<W extends Slot>(due: readonly W[], running: readonly Slot[], concurrency: number, goodsOwners: number): W[] {
  const inLane = { reports: 0, pulls: 0 };
  const pullsOf = new Map<string, number>();
  for (const slot of running) {
    inLane[slot.lane]++;
    if (slot.lane === 'pulls') pullsOf.set(slot.goodsOwner, (pullsOf.get(slot.goodsOwner) ?? 0) + 1);
  }
  // With one slot there is nothing to share: the goods owners take turns, earliest due first.
  const perGoodsOwner = goodsOwners > 1 ? Math.max(1, concurrency - 1) : concurrency;
  const waiting = [...due];
  const picked: W[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < waiting.length; i++) {
      const w = waiting[i]!;
      if (inLane[w.lane] >= concurrency) continue;
      if (w.lane === 'reports') {
        best = i;
        break;
      }
      const held = pullsOf.get(w.goodsOwner) ?? 0;
      if (held >= perGoodsOwner) continue;
      if (best < 0 || held < (pullsOf.get(waiting[best]!.goodsOwner) ?? 0)) best = i;
    }
    if (best < 0) return picked;
    const [w] = waiting.splice(best, 1) as [W];
    picked.push(w);
    inLane[w.lane]++;
    if (w.lane === 'pulls') pullsOf.set(w.goodsOwner, (pullsOf.get(w.goodsOwner) ?? 0) + 1);
  }
}
