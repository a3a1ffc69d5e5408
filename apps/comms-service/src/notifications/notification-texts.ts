import { formatMoney, singleLine, supportedLocale, type SupportedLocale } from '../templates/email-template.js';
import { planName } from '../templates/billing-texts.js';

/** The kinds of in-app notification (the proto's `Notification.type`). */
export type NotificationType =
  'task.assigned' | 'task.commented' | 'project.invited' | 'payment.succeeded' | 'payment.failed' | 'security.signed_in';

/** A notification's words; the web app shows them as plain text. */
export interface NotificationText {
  title: string;
  body: string;
}

interface Texts {
  taskAssigned: (task: string, assigner: string | null) => string;
  taskCommented: (task: string, author: string | null) => string;
  invited: (project: string, inviter: string | null) => string;
  invitedBody: (role: string) => string;
  roles: Record<'admin' | 'member' | 'viewer', string>;
  paid: (project: string) => string;
  paidBody: (amount: string, plan: string, receipt: string) => string;
  paymentFailed: (project: string) => string;
  paymentFailedBody: (amount: string, plan: string, reason: string) => string;
  signedIn: string;
  signedInBody: (ip: string, device: string) => string;
  unknown: string;
}

const texts: Record<SupportedLocale, Texts> = {
  en: {
    taskAssigned: (task, assigner) => (assigner ? `${assigner} assigned you ${task}` : `You were assigned ${task}`),
    taskCommented: (task, author) => (author ? `${author} commented on ${task}` : `New comment on ${task}`),
    invited: (project, inviter) => (inviter ? `${inviter} invited you to ${project}` : `You're invited to ${project}`),
    invitedBody: (role) => `Join as ${role}: open the invitation to accept it.`,
    roles: { admin: 'an admin', member: 'a member', viewer: 'a viewer' },
    paid: (project) => `Payment received for ${project}`,
    paidBody: (amount, plan, receipt) => `${amount} for the ${plan} plan. Receipt ${receipt}.`,
    paymentFailed: (project) => `Payment for ${project} failed`,
    paymentFailedBody: (amount, plan, reason) => `${amount} for the ${plan} plan could not be charged: ${reason}`,
    signedIn: 'New sign-in to your account',
    signedInBody: (ip, device) => `From ${ip} (${device}). If this wasn't you, reset your password now.`,
    unknown: 'unknown',
  },
  de: {
    taskAssigned: (task, assigner) => (assigner ? `${assigner} hat dir ${task} zugewiesen` : `Dir wurde ${task} zugewiesen`),
    taskCommented: (task, author) => (author ? `${author} hat ${task} kommentiert` : `Neuer Kommentar zu ${task}`),
    invited: (project, inviter) => (inviter ? `${inviter} hat dich zu ${project} eingeladen` : `Einladung zu ${project}`),
    invitedBody: (role) => `Tritt als ${role} bei: Öffne die Einladung, um sie anzunehmen.`,
    roles: { admin: 'Admin', member: 'Mitglied', viewer: 'Betrachter' },
    paid: (project) => `Zahlung für ${project} erhalten`,
    paidBody: (amount, plan, receipt) => `${amount} für den Tarif ${plan}. Beleg ${receipt}.`,
    paymentFailed: (project) => `Zahlung für ${project} fehlgeschlagen`,
    paymentFailedBody: (amount, plan, reason) => `${amount} für den Tarif ${plan} konnten nicht abgebucht werden: ${reason}`,
    signedIn: 'Neue Anmeldung bei deinem Konto',
    signedInBody: (ip, device) => `Von ${ip} (${device}). Wenn du das nicht warst, setze jetzt dein Passwort zurück.`,
    unknown: 'unbekannt',
  },
};

const textsFor = (locale: string) => texts[supportedLocale(locale)];
/** A user-chosen name, or null when there is none to show. */
const nameOrNull = (name: string | undefined) => (name ? singleLine(name, 100) || null : null);
const taskLabel = (taskKey: string, title: string) => `${singleLine(taskKey, 20)}: ${singleLine(title, 120)}`;

export function taskAssignedText(
  locale: string,
  m: { taskKey: string; title: string; projectName: string; assignerName: string },
): NotificationText {
  return {
    title: textsFor(locale).taskAssigned(taskLabel(m.taskKey, m.title), nameOrNull(m.assignerName)),
    body: singleLine(m.projectName, 100),
  };
}

export function taskCommentedText(
  locale: string,
  m: { taskKey: string; title: string; authorName?: string | undefined },
): NotificationText {
  return { title: textsFor(locale).taskCommented(singleLine(m.taskKey, 20), nameOrNull(m.authorName)), body: singleLine(m.title, 120) };
}

export function invitedText(
  locale: string,
  m: { projectName: string; projectKey: string; inviterName: string; role: 'admin' | 'member' | 'viewer' },
): NotificationText {
  const t = textsFor(locale);
  const project = `${singleLine(m.projectName, 100)} (${singleLine(m.projectKey, 20)})`;
  return { title: t.invited(project, nameOrNull(m.inviterName)), body: t.invitedBody(t.roles[m.role]) };
}

export function paymentSucceededText(
  locale: string,
  m: { projectName: string; plan: string; amount: number; currency: string; receiptNumber: string },
): NotificationText {
  const t = textsFor(locale);
  return {
    title: t.paid(singleLine(m.projectName, 100)),
    body: t.paidBody(formatMoney(m.amount, m.currency, locale), planName(m.plan), singleLine(m.receiptNumber, 40)),
  };
}

export function paymentFailedText(
  locale: string,
  m: { projectName: string; plan: string; amount: number; currency: string; reason: string },
): NotificationText {
  const t = textsFor(locale);
  return {
    title: t.paymentFailed(singleLine(m.projectName, 100)),
    body: t.paymentFailedBody(formatMoney(m.amount, m.currency, locale), planName(m.plan), singleLine(m.reason) || t.unknown),
  };
}

export function signedInText(locale: string, m: { ip: string; userAgent: string }): NotificationText {
  const t = textsFor(locale);
  return { title: t.signedIn, body: t.signedInBody(singleLine(m.ip, 64) || t.unknown, singleLine(m.userAgent) || t.unknown) };
}
