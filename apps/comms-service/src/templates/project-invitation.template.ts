import {
  composeEmail,
  formatUtc,
  singleLine,
  supportedLocale,
  type EmailTemplateId,
  type RenderedEmail,
  type SupportedLocale,
} from './email-template.js';
import { unsubscribeFooter } from './unsubscribe-footer.js';

export type InvitedRole = 'admin' | 'member' | 'viewer';

export interface ProjectInvitationModel {
  /** The invited address: the invitee may have no account yet, so this is all we know of them. */
  email: string;
  projectName: string;
  projectKey: string;
  role: InvitedRole;
  /** The inviter's display name; empty when the project service did not know it. */
  inviterName: string;
  /** `${WEB_URL}/invitations/accept?token=…`: the raw single-use token, which only this email carries. */
  link: string;
  expiresAt: string;
  locale: string;
  /** `${WEB_URL}/unsubscribe?token=…` when the address belongs to an account; none for an address without one. */
  unsubscribeLink?: string | undefined;
}

/** Template `project-invitation`, version 1. */
export const PROJECT_INVITATION_TEMPLATE: EmailTemplateId = { name: 'project-invitation.v1', category: 'projects' };

interface Texts {
  subject: (project: string, inviter: string | null) => string;
  greeting: string;
  invited: (project: string, role: string, inviter: string | null) => string;
  roles: Record<InvitedRole, { label: string; phrase: string }>;
  project: string;
  role: string;
  invitedBy: string;
  expires: string;
  howTo: (email: string) => string;
  newHere: (email: string) => string;
  action: string;
  ignore: (at: string) => string;
}

const texts: Record<SupportedLocale, Texts> = {
  en: {
    subject: (project, inviter) => (inviter ? `${inviter} invited you to ${project}` : `You're invited to ${project}`),
    greeting: 'Hello,',
    invited: (project, role, inviter) =>
      `${inviter ?? 'Someone'} invited you to join the project ${project} on Mega Solution Platform as ${role}.`,
    roles: {
      admin: { label: 'Admin', phrase: 'an admin' },
      member: { label: 'Member', phrase: 'a member' },
      viewer: { label: 'Viewer', phrase: 'a viewer' },
    },
    project: 'Project',
    role: 'Your role',
    invitedBy: 'Invited by',
    expires: 'Expires',
    howTo: (email) => `To accept, open the link below and sign in with ${email}. The link works once.`,
    newHere: (email) =>
      `No account yet? The same link lets you create one with ${email}: once you have confirmed the address and signed in, you join the project.`,
    action: 'Accept the invitation',
    ignore: (at) => `If you don't want to join, you can ignore this email: the invitation expires on its own on ${at}.`,
  },
  de: {
    subject: (project, inviter) => (inviter ? `${inviter} hat dich zu ${project} eingeladen` : `Einladung zu ${project}`),
    greeting: 'Hallo,',
    invited: (project, role, inviter) =>
      inviter
        ? `${inviter} hat dich eingeladen, dem Projekt ${project} auf der Mega Solution Platform als ${role} beizutreten.`
        : `Du wurdest eingeladen, dem Projekt ${project} auf der Mega Solution Platform als ${role} beizutreten.`,
    roles: {
      admin: { label: 'Admin', phrase: 'Admin' },
      member: { label: 'Mitglied', phrase: 'Mitglied' },
      viewer: { label: 'Betrachter', phrase: 'Betrachter' },
    },
    project: 'Projekt',
    role: 'Deine Rolle',
    invitedBy: 'Eingeladen von',
    expires: 'Gültig bis',
    howTo: (email) => `Öffne zum Annehmen den Link unten und melde dich mit ${email} an. Der Link funktioniert nur einmal.`,
    newHere: (email) =>
      `Noch kein Konto? Über denselben Link kannst du eins mit ${email} anlegen: Sobald du die Adresse bestätigt und dich angemeldet hast, trittst du dem Projekt bei.`,
    action: 'Einladung annehmen',
    ignore: (at) => `Wenn du nicht beitreten möchtest, kannst du diese E-Mail ignorieren: Die Einladung läuft am ${at} von selbst ab.`,
  },
};

/**
 * Sent to an address, not to an account, so it greets without a name. Project and inviter names are
 * chosen by users: they pass through `singleLine` (no forged lines in the text part) and are escaped
 * in HTML by `composeEmail`.
 */
export function renderProjectInvitation(model: ProjectInvitationModel): RenderedEmail {
  const locale = supportedLocale(model.locale);
  const t = texts[locale];
  const inviter = singleLine(model.inviterName, 100) || null;
  const key = singleLine(model.projectKey, 20);
  const project = `${singleLine(model.projectName, 100)} (${key})`;
  const email = singleLine(model.email, 254);
  const role = t.roles[model.role];
  const expires = formatUtc(model.expiresAt, locale);
  return composeEmail({
    subject: t.subject(project, inviter),
    greeting: t.greeting,
    paragraphs: [t.invited(project, role.phrase, inviter)],
    details: [
      [t.project, project],
      [t.role, role.label],
      ...(inviter ? [[t.invitedBy, inviter] as [string, string]] : []),
      [t.expires, expires],
    ],
    followUp: [t.howTo(email), t.newHere(email)],
    action: { label: t.action, href: model.link },
    notes: [t.ignore(expires)],
    unsubscribe: unsubscribeFooter('projects', locale, model.unsubscribeLink),
  });
}
