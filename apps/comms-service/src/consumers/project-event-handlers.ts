import { invitedText, taskAssignedText, taskCommentedText } from '../notifications/notification-texts.js';
import { webLink } from '../templates/email-template.js';
import { PROJECT_INVITATION_TEMPLATE, renderProjectInvitation } from '../templates/project-invitation.template.js';
import { renderTaskAssigned, TASK_ASSIGNED_TEMPLATE } from '../templates/task-assigned.template.js';
import { WEB_PATHS, webPath } from '../web-paths.js';
import { NOTHING, type EventHandlers } from './event-outcome.js';

type ProjectEvent = 'project.member.invited.v1' | 'task.assigned.v1' | 'task.commented.v1';

/** The language for an address nobody with an account has, or a user comms has not heard of yet. */
const DEFAULT_LOCALE = 'en';

export const projectEventHandlers: EventHandlers<ProjectEvent> = {
  /**
   * An invitation goes to the invited address, which may have no account yet. When comms knows an
   * account there, it is written in that account's language, follows its `projects` switch (with an
   * unsubscribe link) and also lands in its in-app inbox. For an address without an account it always
   * goes, in English and without a link: there is nobody whose preferences could apply.
   */
  'project.member.invited.v1': async ({ data }, { tx, recipients, webUrl }) => {
    const known = await recipients.findByEmail(data.email, tx);
    const locale = known?.locale ?? DEFAULT_LOCALE;
    const params = { token: data.token };
    return {
      email: {
        template: PROJECT_INVITATION_TEMPLATE,
        toAddress: data.email,
        userId: known?.userId ?? null,
        locale,
        render: ({ unsubscribe }) =>
          renderProjectInvitation({
            email: data.email,
            projectName: data.projectName,
            projectKey: data.projectKey,
            role: data.role,
            inviterName: data.inviterName,
            link: webLink(webUrl, WEB_PATHS.acceptInvitation, params),
            expiresAt: data.expiresAt,
            locale,
            unsubscribeLink: unsubscribe,
          }),
      },
      // The link carries the token like the email does: the notification is the same invitation, in the app.
      ...(known && {
        notification: {
          userId: known.userId,
          type: 'project.invited',
          ...invitedText(locale, data),
          link: webPath(WEB_PATHS.acceptInvitation, params),
        },
      }),
    };
  },

  /** To the assignee, by email (their `tasks` switch) and in the app; nobody is told of their own doing. */
  'task.assigned.v1': async ({ data }, { tx, recipients, webUrl }) => {
    if (data.assigneeId === data.assignedBy) return NOTHING;
    const assignee = await recipients.findById(data.assigneeId, tx);
    const locale = assignee?.locale ?? DEFAULT_LOCALE;
    const path = WEB_PATHS.task(data.projectId, data.taskKey);
    return {
      // Without an address (no event about the assignee has arrived yet) there is no email to send.
      ...(assignee && {
        email: {
          template: TASK_ASSIGNED_TEMPLATE,
          toAddress: assignee.email,
          userId: assignee.userId,
          locale,
          render: ({ unsubscribe }) =>
            renderTaskAssigned({
              displayName: assignee.displayName,
              locale,
              projectName: data.projectName,
              taskKey: data.taskKey,
              title: data.title,
              assignerName: data.assignerName,
              link: webLink(webUrl, path),
              unsubscribeLink: unsubscribe,
            }),
        },
      }),
      notification: { userId: data.assigneeId, type: 'task.assigned', ...taskAssignedText(locale, data), link: path },
    };
  },

  /** To the task's assignee, in the app only; not to an author commenting on their own task. */
  'task.commented.v1': async ({ data }, { tx, recipients }) => {
    if (!data.assigneeId || data.assigneeId === data.authorId) return NOTHING;
    const assignee = await recipients.findById(data.assigneeId, tx);
    const author = await recipients.findById(data.authorId, tx);
    const locale = assignee?.locale ?? DEFAULT_LOCALE;
    return {
      notification: {
        userId: data.assigneeId,
        type: 'task.commented',
        ...taskCommentedText(locale, { taskKey: data.taskKey, title: data.title, authorName: author?.displayName }),
        link: WEB_PATHS.task(data.projectId, data.taskKey),
      },
    };
  },
};
