import type { EventType } from '@msp/events';
import { webLink } from '../templates/email-template.js';
import { PROJECT_INVITATION_TEMPLATE, renderProjectInvitation } from '../templates/project-invitation.template.js';
import type { EventEmailSource } from './event-email.js';

/** The project events the comms queue takes. */
export const CONSUMED_PROJECT_EVENTS = ['project.member.invited.v1'] as const satisfies readonly EventType[];

export type ConsumedProjectEvent = (typeof CONSUMED_PROJECT_EVENTS)[number];

/** Where an invitation is accepted; the web app sends a signed-out invitee to sign in (or up) and back. */
export const ACCEPT_INVITATION_PATH = '/invitations/accept';

/** The language for an address nobody with an account has: we know nothing better. */
const DEFAULT_LOCALE = 'en';

/**
 * An invitation goes to the invited address, which may have no account yet: it is written in the
 * language of the account at that address when comms knows one, else in English, and greets without a
 * name. It is sent whatever anyone's preferences, because a person without an account has none.
 */
export const invitationEmail: EventEmailSource<'project.member.invited.v1'> = async ({ data }, { tx, recipients, webUrl }) => {
  const known = await recipients.findByEmail(data.email, tx);
  const locale = known?.locale ?? DEFAULT_LOCALE;
  return {
    template: PROJECT_INVITATION_TEMPLATE,
    toAddress: data.email,
    locale,
    rendered: renderProjectInvitation({
      email: data.email,
      projectName: data.projectName,
      projectKey: data.projectKey,
      role: data.role,
      inviterName: data.inviterName,
      link: webLink(webUrl, ACCEPT_INVITATION_PATH, { token: data.token }),
      expiresAt: data.expiresAt,
      locale,
    }),
  };
};

const sources: { [T in ConsumedProjectEvent]: EventEmailSource<T> } = {
  'project.member.invited.v1': invitationEmail,
};

export function isConsumedProjectEvent(type: string): type is ConsumedProjectEvent {
  return Object.hasOwn(sources, type);
}

export const projectEventEmail: EventEmailSource<ConsumedProjectEvent> = (event, context) =>
  // The map pairs each type with its own source; TypeScript cannot follow that through an index.
  (sources[event.type] as EventEmailSource<ConsumedProjectEvent>)(event, context);
