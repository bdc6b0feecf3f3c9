import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is making a change: a signed-in user (API, UI), the CLI (the operating-system user who ran
 * it) or this machine in set-up mode. Carried through the call by the surface that knows it, so
 * the service layer records changes without every function taking an extra argument.
 */
export type Actor = { kind: 'user'; userId: number; email: string } | { kind: 'cli'; name: string } | { kind: 'set-up' };

const current = new AsyncLocalStorage<Actor>();

/** Runs `work` on behalf of `actor`: changes it makes are recorded as theirs. */
export const actingAs = <T>(actor: Actor, work: () => T): T => current.run(actor, work);

/** The actor of the running call; none for the scheduler and webhook deliveries, which change nothing a person asked for. */
export const currentActor = (): Actor | undefined => current.getStore();

export const describeActor = (actor: Actor): string =>
  actor.kind === 'user' ? `user ${actor.email}` : actor.kind === 'cli' ? `cli ${actor.name}` : 'set-up (this machine)';
