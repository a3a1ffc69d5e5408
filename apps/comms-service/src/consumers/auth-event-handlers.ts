import type { Envelope } from '@msp/events';
import { signedInText } from '../notifications/notification-texts.js';
import type { Recipient } from '../recipients/recipients.repository.js';
import { webLink, type EmailTemplateId, type RenderedEmail } from '../templates/email-template.js';
import { MFA_DISABLED_TEMPLATE, renderMfaDisabled } from '../templates/mfa-disabled.template.js';
import { MFA_ENABLED_TEMPLATE, renderMfaEnabled } from '../templates/mfa-enabled.template.js';
import { NEW_SIGN_IN_TEMPLATE, renderNewSignIn } from '../templates/new-sign-in.template.js';
import { PASSWORD_CHANGED_TEMPLATE, renderPasswordChanged } from '../templates/password-changed.template.js';
import { PASSWORD_RESET_TEMPLATE, renderPasswordReset } from '../templates/password-reset.template.js';
import { renderVerifyEmail, VERIFY_EMAIL_TEMPLATE } from '../templates/verify-email.template.js';
import { WEB_PATHS, webPath } from '../web-paths.js';
import { NOTHING, type EventContext, type EventHandlers, type PlannedEmail } from './event-outcome.js';

/** The auth events the comms queue takes; each carries at least the user's id and email address. */
type AuthEvent =
  | 'auth.user.deleted.v1'
  | 'auth.user.registered.v1'
  | 'auth.email_verification.requested.v1'
  | 'auth.email.verified.v1'
  | 'auth.password_reset.requested.v1'
  | 'auth.user.signed_in.v1'
  | 'auth.password.changed.v1'
  | 'auth.mfa.enabled.v1'
  | 'auth.mfa.disabled.v1';

/** The part of every consumed auth event that is about its recipient. */
interface AboutRecipient {
  userId: string;
  email: string;
  displayName?: string;
  locale?: string;
}

/**
 * Records what an auth event says about its user (newer facts win) and returns them as comms now knows
 * them; undefined once their account was deleted, when an event that arrives late asks for nothing.
 */
function remember(event: Envelope<AuthEvent>, { tx, recipients }: EventContext): Promise<Recipient | undefined> {
  const data = event.data as AboutRecipient;
  return recipients.remember(
    { userId: data.userId, email: data.email, displayName: data.displayName, locale: data.locale, at: new Date(event.time) },
    tx,
  );
}

/**
 * A security email: it goes whatever the recipient's preferences and carries no unsubscribe link. It
 * goes to the address the event is about: a security notice goes where the account's mail went then.
 */
function securityEmail(
  event: Envelope<AuthEvent>,
  recipient: Recipient,
  template: EmailTemplateId,
  render: () => RenderedEmail,
): PlannedEmail {
  return { template, toAddress: event.data.email, userId: event.data.userId, locale: recipient.locale, render };
}

export const authEventHandlers: EventHandlers<AuthEvent> = {
  // Nothing that names the person stays (user-data/account-deletion.ts); no email says goodbye.
  'auth.user.deleted.v1': async ({ data, time }, { tx, deletions }) => {
    await deletions.apply({ userId: data.userId, email: data.email, at: new Date(time) }, tx);
    return NOTHING;
  },

  // Registration sends nothing itself (verification has its own event); it introduces the recipient.
  'auth.user.registered.v1': async (event, context) => {
    await remember(event, context);
    return NOTHING;
  },

  // Verifying proves the mailbox receives mail again: a suppression from an earlier bounce is lifted.
  'auth.email.verified.v1': async (event, context) => {
    if (!(await remember(event, context))) return NOTHING;
    await context.suppressions.lift(event.data.email, new Date(event.time), context.tx);
    return NOTHING;
  },

  'auth.email_verification.requested.v1': async (event, context) => {
    const recipient = await remember(event, context);
    if (!recipient) return NOTHING;
    const link = webLink(context.webUrl, WEB_PATHS.verifyEmail, { token: event.data.token });
    return {
      email: securityEmail(event, recipient, VERIFY_EMAIL_TEMPLATE, () =>
        renderVerifyEmail({ displayName: recipient.displayName, locale: recipient.locale, link }),
      ),
    };
  },

  'auth.password_reset.requested.v1': async (event, context) => {
    const recipient = await remember(event, context);
    if (!recipient) return NOTHING;
    const link = webLink(context.webUrl, WEB_PATHS.resetPassword, { token: event.data.token });
    return {
      email: securityEmail(event, recipient, PASSWORD_RESET_TEMPLATE, () =>
        renderPasswordReset({ displayName: recipient.displayName, locale: recipient.locale, link, expiresAt: event.data.expiresAt }),
      ),
    };
  },

  'auth.user.signed_in.v1': async (event, context) => {
    const recipient = await remember(event, context);
    if (!recipient) return NOTHING;
    const { data } = event;
    return {
      email: securityEmail(event, recipient, NEW_SIGN_IN_TEMPLATE, () =>
        renderNewSignIn({
          displayName: recipient.displayName,
          locale: recipient.locale,
          at: data.at,
          ip: data.ip,
          userAgent: data.userAgent,
          forgotPasswordLink: webLink(context.webUrl, WEB_PATHS.forgotPassword),
        }),
      ),
      notification: {
        userId: data.userId,
        type: 'security.signed_in',
        ...signedInText(recipient.locale, data),
        link: webPath(WEB_PATHS.forgotPassword),
      },
    };
  },

  'auth.password.changed.v1': async (event, context) => {
    const recipient = await remember(event, context);
    if (!recipient) return NOTHING;
    return {
      email: securityEmail(event, recipient, PASSWORD_CHANGED_TEMPLATE, () =>
        renderPasswordChanged({
          displayName: recipient.displayName,
          locale: recipient.locale,
          via: event.data.via,
          at: event.data.at,
          forgotPasswordLink: webLink(context.webUrl, WEB_PATHS.forgotPassword),
        }),
      ),
    };
  },

  // These payloads carry no time of their own: the email gives the event's.
  'auth.mfa.enabled.v1': async (event, context) => {
    const recipient = await remember(event, context);
    if (!recipient) return NOTHING;
    return {
      email: securityEmail(event, recipient, MFA_ENABLED_TEMPLATE, () =>
        renderMfaEnabled({
          displayName: recipient.displayName,
          locale: recipient.locale,
          at: event.time,
          forgotPasswordLink: webLink(context.webUrl, WEB_PATHS.forgotPassword),
        }),
      ),
    };
  },

  'auth.mfa.disabled.v1': async (event, context) => {
    const recipient = await remember(event, context);
    if (!recipient) return NOTHING;
    return {
      email: securityEmail(event, recipient, MFA_DISABLED_TEMPLATE, () =>
        renderMfaDisabled({
          displayName: recipient.displayName,
          locale: recipient.locale,
          at: event.time,
          forgotPasswordLink: webLink(context.webUrl, WEB_PATHS.forgotPassword),
        }),
      ),
    };
  },
};
