/**
 * Who is signed in at each window (Electron: the sender's webContents) or tab (browser mode: a
 * random id the tab sends). Held in memory: a restart signs everyone out, as it should.
 */
export interface Session {
  accountId: string;
  lastActivity: number;
  locked: boolean;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number) {}

  start(callerKey: string, accountId: string): Session {
    const session = { accountId, lastActivity: this.now(), locked: false };
    this.sessions.set(callerKey, session);
    return session;
  }

  /** The caller's session, locked first if it has been idle longer than the limit. */
  get(callerKey: string, idleLockMinutes: number): Session | undefined {
    const session = this.sessions.get(callerKey);
    if (session && !session.locked && this.now() - session.lastActivity > idleLockMinutes * 60_000) {
      session.locked = true;
    }
    return session;
  }

  touch(session: Session): void {
    session.lastActivity = this.now();
  }

  end(callerKey: string): void {
    this.sessions.delete(callerKey);
  }

  /** The PC is going to sleep or its screen is being locked: every open session needs its PIN again. */
  lockAll(): void {
    for (const s of this.sessions.values()) s.locked = true;
  }

  /** Sign an account out everywhere (disabled, or its PIN reset). */
  endAllFor(accountId: string): void {
    for (const [key, s] of this.sessions) if (s.accountId === accountId) this.sessions.delete(key);
  }
}
