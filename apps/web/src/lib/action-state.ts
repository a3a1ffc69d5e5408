// The state of a one-button action (remove, revoke, resend…): what went wrong, or what was done.
export interface ActionState {
  readonly error: string | null;
  readonly done: string | null;
}

export const idleAction: ActionState = { error: null, done: null };
