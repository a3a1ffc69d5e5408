import type { Envelope, EventData } from '@msp/events';
import type { Recipient } from '../recipients/recipients.repository.js';
import { webLink } from '../templates/email-template.js';
import { MFA_DISABLED_TEMPLATE, renderMfaDisabled } from '../templates/mfa-disabled.template.js';
import { MFA_ENABLED_TEMPLATE, renderMfaEnabled } from '../templates/mfa-enabled.template.js';
import { NEW_SIGN_IN_TEMPLATE, renderNewSignIn } from '../templates/new-sign-in.template.js';
import { PASSWORD_CHANGED_TEMPLATE, renderPasswordChanged } from '../templates/password-changed.template.js';
import { PASSWORD_RESET_TEMPLATE, renderPasswordReset } from '../templates/password-reset.template.js';
import { renderVerifyEmail, VERIFY_EMAIL_TEMPLATE } from '../templates/verify-email.template.js';
import type { EventEmail, EventEmailSource } from './event-email.js';

/** The auth events the comms queue takes; each carries at least the user's id and email address. */
export const CONSUMED_AUTH_EVENTS = [
  'auth.user.registered.v1',
  'auth.email_verification.requested.v1',
  'auth.password_reset.requested.v1',
  'auth.user.signed_in.v1',
  'auth.password.changed.v1',
  'auth.mfa.enabled.v1',
  'auth.mfa.disabled.v1',
] as const;

export type ConsumedAuthEvent = (typeof CONSUMED_AUTH_EVENTS)[number];

/** What a handler knows besides the payload: the recipient as comms has them, and the event's time. */
export interface EmailContext {
  recipient: Recipient;
  webUrl: string;
  /** When the event happened (its CloudEvents `time`), for payloads that carry no time of their own. */
  occurredAt: string;
}

type EmailHandler<T extends ConsumedAuthEvent> = (data: EventData<T>, context: EmailContext) => EventEmail;

// These are security emails: they go out whatever the recipient's notification preferences.
const handlers: { [T in ConsumedAuthEvent]: EmailHandler<T> | null } = {
  // Registration sends nothing itself (verification has its own event); it introduces the recipient.
  'auth.user.registered.v1': null,

  'auth.email_verification.requested.v1': (data, { recipient, webUrl }) => ({
    template: VERIFY_EMAIL_TEMPLATE,
    rendered: renderVerifyEmail({
      displayName: recipient.displayName,
      locale: recipient.locale,
      link: webLink(webUrl, '/verify-email', { token: data.token }),
    }),
  }),

  'auth.password_reset.requested.v1': (data, { recipient, webUrl }) => ({
    template: PASSWORD_RESET_TEMPLATE,
    rendered: renderPasswordReset({
      displayName: recipient.displayName,
      locale: recipient.locale,
      link: webLink(webUrl, '/reset-password', { token: data.token }),
      expiresAt: data.expiresAt,
    }),
  }),

  'auth.user.signed_in.v1': (data, { recipient, webUrl }) => ({
    template: NEW_SIGN_IN_TEMPLATE,
    rendered: renderNewSignIn({
      displayName: recipient.displayName,
      locale: recipient.locale,
      at: data.at,
      ip: data.ip,
      userAgent: data.userAgent,
      forgotPasswordLink: webLink(webUrl, '/forgot-password'),
    }),
  }),

  'auth.password.changed.v1': (data, { recipient, webUrl }) => ({
    template: PASSWORD_CHANGED_TEMPLATE,
    rendered: renderPasswordChanged({
      displayName: recipient.displayName,
      locale: recipient.locale,
      via: data.via,
      at: data.at,
      forgotPasswordLink: webLink(webUrl, '/forgot-password'),
    }),
  }),

  'auth.mfa.enabled.v1': (_data, { recipient, webUrl, occurredAt }) => ({
    template: MFA_ENABLED_TEMPLATE,
    rendered: renderMfaEnabled({
      displayName: recipient.displayName,
      locale: recipient.locale,
      at: occurredAt,
      forgotPasswordLink: webLink(webUrl, '/forgot-password'),
    }),
  }),

  'auth.mfa.disabled.v1': (_data, { recipient, webUrl, occurredAt }) => ({
    template: MFA_DISABLED_TEMPLATE,
    rendered: renderMfaDisabled({
      displayName: recipient.displayName,
      locale: recipient.locale,
      at: occurredAt,
      forgotPasswordLink: webLink(webUrl, '/forgot-password'),
    }),
  }),
};

export function isConsumedAuthEvent(type: string): type is ConsumedAuthEvent {
  return Object.hasOwn(handlers, type);
}

/** The email an event sends, or undefined for an event that only updates what comms knows. */
export function emailFor(event: Envelope<ConsumedAuthEvent>, context: EmailContext): EventEmail | undefined {
  // The map pairs each type with its own handler; TypeScript cannot follow that through an index.
  const handler = handlers[event.type] as EmailHandler<ConsumedAuthEvent> | null;
  return handler?.(event.data, context);
}

/** The part of every consumed auth event that is about its recipient. */
interface AboutRecipient {
  userId: string;
  email: string;
  displayName?: string;
  locale?: string;
}

/**
 * Records what an auth event says about its user (newer facts win), then writes to them as comms now
 * knows them, at the address the event is about: a security notice goes where the account's mail went then.
 */
export const authEventEmail: EventEmailSource<ConsumedAuthEvent> = async (event, { tx, recipients, webUrl }) => {
  const data = event.data as AboutRecipient;
  const recipient = await recipients.remember(
    { userId: data.userId, email: data.email, displayName: data.displayName, locale: data.locale, at: new Date(event.time) },
    tx,
  );
  const email = emailFor(event, { recipient, webUrl, occurredAt: event.time });
  return email && { ...email, toAddress: data.email, locale: recipient.locale };
};
