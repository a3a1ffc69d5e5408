/** The SMTP reply codes a test can ask for: a temporary (retry) and a permanent (give up) failure. */
export type FaultCode = 451 | 550;

export interface FaultState {
  rejectWith: FaultCode | null;
  /** How many more messages get rejected; null means until the fault is cleared. */
  remaining: number | null;
}

const REPLY_TEXT: Record<FaultCode, string> = {
  451: 'Temporarily unavailable (fault injected)',
  550: 'Mailbox unavailable (fault injected)',
};

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
 * Lets tests of retry logic make the inbox fail on purpose. The budget is counted per message,
 * not per recipient, because a sender retries messages: "fail twice, then accept" must mean two
 * failed sends whatever the recipient count.
 */
export class FaultSwitch {
  private state: FaultState = { rejectWith: null, remaining: null };

  current(): FaultState {
    return { ...this.state };
  }

  set(rejectWith: FaultCode | null, count?: number): FaultState {
    this.state = rejectWith === null || count === 0 ? { rejectWith: null, remaining: null } : { rejectWith, remaining: count ?? null };
    return this.current();
  }

  /** Called once per message (at MAIL FROM); returns the fault to apply to it, if any. */
  takeForMessage(): InjectedFaultError | null {
    const { rejectWith, remaining } = this.state;
    if (rejectWith === null) return null;
    if (remaining !== null) {
      this.state = remaining <= 1 ? { rejectWith: null, remaining: null } : { rejectWith, remaining: remaining - 1 };
    }
    return new InjectedFaultError(rejectWith);
  }
}
