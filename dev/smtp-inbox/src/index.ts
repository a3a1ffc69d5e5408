export { startSmtpInbox, type SmtpInbox, type SmtpInboxOptions } from './smtp-inbox.js';
export type { AttachmentInfo, MailAddress, StoredMessage } from './message-store.js';
export type { FaultCode, FaultState } from './fault-switch.js';
export type { InboxLogger } from './inbox-logger.js';
