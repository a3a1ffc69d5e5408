/**
 * The SMTP reply codes a test can ask for: temporary failures a sender must retry (421 also closes
 * the connection, as a server going away does; 451 keeps it) and a permanent one (give up).
 */
export type FaultCode = 421 | 451 | 550;

export interface FaultState {
  rejectWith: FaultCode | null;
  /** How many more messages get rejected; null means no count limit. */
  remaining: number | null;
  /** When the fault clears by itself (ISO time); null means it lasts until cleared or counted out. */
  until: string | null;
}

const REPLY_TEXT: Record<FaultCode, string> = {
  421: 'Service not available, closing transmission channel (fault injected)',
  451: 'Temporarily unavailable (fault injected)',
  550: 'Mailbox unavailable (fault injected)',
};

const CLEAR: FaultState = { rejectWith: null, remaining: null, until: null };

/** An error smtp-server turns into an SMTP reply with this code (it adds the enhanced status). */
export class InjectedFaultError extends Error {
  readonly responseCode: FaultCode;

  constructor(code: FaultCode) {
    super(REPLY_TEXT[code]);
    this.name = 'InjectedFaultError';
    this.responseCode = code;
  }
}

/**
 * Lets tests of retry logic make the inbox fail on purpose, for a number of messages, for a while,
 * or until cleared. The budget is counted per message, not per recipient, because a sender retries
 * messages: "fail twice, then accept" must mean two failed sends whatever the recipient count.
 */
export class FaultSwitch {
  private state: FaultState = CLEAR;

  constructor(private readonly now: () => number = Date.now) {}

  current(): FaultState {
    this.expire();
    return { ...this.state };
  }

  set(rejectWith: FaultCode | null, count?: number, durationMs?: number): FaultState {
    this.state =
      rejectWith === null || count === 0 || durationMs === 0
        ? CLEAR
        : {
            rejectWith,
            remaining: count ?? null,
            until: durationMs === undefined ? null : new Date(this.now() + durationMs).toISOString(),
          };
    return this.current();
  }

  /** Called once per message (at MAIL FROM); returns the fault to apply to it, if any. */
  takeForMessage(): InjectedFaultError | null {
    this.expire();
    const { rejectWith, remaining } = this.state;
    if (rejectWith === null) return null;
    if (remaining !== null) {
      this.state = remaining <= 1 ? CLEAR : { ...this.state, remaining: remaining - 1 };
    }
    return new InjectedFaultError(rejectWith);
  }

  private expire(): void {
    if (this.state.until !== null && Date.parse(this.state.until) <= this.now()) this.state = CLEAR;
  }
}
