export const USER_INBOX = Symbol('UserInbox');
/** The user service's durable queue: its replicas compete for its messages. */
export const USER_QUEUE = 'user';
