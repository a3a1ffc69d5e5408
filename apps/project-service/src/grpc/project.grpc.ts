import type { projectV1 } from '@msp/contracts';
import { callerOf } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { ActivityService } from '../activity/activity.service.js';
import { AdminProjectsService } from '../admin-projects/admin-projects.service.js';
import { CommentsService } from '../comments/comments.service.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { MembersService } from '../members/members.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import { UserDataService } from '../user-data/user-data.service.js';
import * as m from './messages.js';

/** The ProjectService gRPC edge: translation only, one call of a feature service per RPC. */
@Injectable()
export class ProjectGrpc implements projectV1.ProjectServiceImplementation {
  constructor(
    private readonly projects: ProjectsService,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly tasks: TasksService,
    private readonly comments: CommentsService,
    private readonly activity: ActivityService,
    private readonly userData: UserDataService,
    private readonly adminProjects: AdminProjectsService,
  ) {}

  async createProject(request: projectV1.CreateProjectRequest, context: CallContext) {
    return { project: m.projectMessage(await this.projects.create(request, callerOf(context))) };
  }

  async listProjects(request: projectV1.ListProjectsRequest, context: CallContext) {
    const page = await this.projects.list(callerOf(context), request.limit, request.cursor);
    return { items: page.items.map(m.projectMessage), nextCursor: page.nextCursor };
  }

  async getProject(request: projectV1.GetProjectRequest, context: CallContext) {
    return { project: m.projectMessage(await this.projects.get(request.projectId, callerOf(context))) };
  }

  async updateProject({ projectId, ...changes }: projectV1.UpdateProjectRequest, context: CallContext) {
    return { project: m.projectMessage(await this.projects.update(projectId, changes, callerOf(context))) };
  }

  async deleteProject(request: projectV1.DeleteProjectRequest, context: CallContext) {
    await this.projects.delete(request.projectId, callerOf(context));
    return {};
  }

  async listMembers(request: projectV1.ListMembersRequest, context: CallContext) {
    return { items: (await this.members.list(request.projectId, callerOf(context))).map(m.memberMessage) };
  }

  async updateMember(request: projectV1.UpdateMemberRequest, context: CallContext) {
    const member = await this.members.changeRole(request.projectId, request.userId, request.role, callerOf(context));
    return { member: m.memberMessage(member) };
  }

  async removeMember(request: projectV1.RemoveMemberRequest, context: CallContext) {
    await this.members.remove(request.projectId, request.userId, callerOf(context));
    return {};
  }

  async createInvitation({ projectId, email, role }: projectV1.CreateInvitationRequest, context: CallContext) {
    return { invitation: m.invitationMessage(await this.invitations.create(projectId, { email, role }, callerOf(context))) };
  }

  async listInvitations(request: projectV1.ListInvitationsRequest, context: CallContext) {
    return { items: (await this.invitations.listOpen(request.projectId, callerOf(context))).map(m.invitationMessage) };
  }

  async revokeInvitation(request: projectV1.RevokeInvitationRequest, context: CallContext) {
    await this.invitations.revoke(request.projectId, request.invitationId, callerOf(context));
    return {};
  }

  async acceptInvitation(request: projectV1.AcceptInvitationRequest, context: CallContext) {
    return { project: m.projectMessage(await this.invitations.accept(request.token, callerOf(context))) };
  }

  async createTask({ projectId, ...task }: projectV1.CreateTaskRequest, context: CallContext) {
    return { task: m.taskMessage(await this.tasks.create(projectId, task, callerOf(context))) };
  }

  async listTasks({ projectId, limit, cursor, ...filter }: projectV1.ListTasksRequest, context: CallContext) {
    const page = await this.tasks.list(projectId, filter, callerOf(context), limit, cursor);
    return { items: page.items.map(m.taskMessage), nextCursor: page.nextCursor };
  }

  async getTask(request: projectV1.GetTaskRequest, context: CallContext) {
    return { task: m.taskMessage(await this.tasks.get(request.projectId, request.taskId, callerOf(context))) };
  }

  async updateTask({ projectId, taskId, expectedVersion, labels, ...changes }: projectV1.UpdateTaskRequest, context: CallContext) {
    const task = await this.tasks.update(
      projectId,
      taskId,
      expectedVersion,
      { ...changes, labels: m.labelsChange(labels) },
      callerOf(context),
    );
    return { task: m.taskMessage(task) };
  }

  async deleteTask(request: projectV1.DeleteTaskRequest, context: CallContext) {
    await this.tasks.delete(request.projectId, request.taskId, callerOf(context));
    return {};
  }

  async createComment({ projectId, taskId, body }: projectV1.CreateCommentRequest, context: CallContext) {
    return { comment: m.commentMessage(await this.comments.create(projectId, taskId, body, callerOf(context))) };
  }

  async listComments({ projectId, taskId, limit, cursor }: projectV1.ListCommentsRequest, context: CallContext) {
    const page = await this.comments.list(projectId, taskId, callerOf(context), limit, cursor);
    return { items: page.items.map(m.commentMessage), nextCursor: page.nextCursor };
  }

  async listActivity({ projectId, limit, cursor }: projectV1.ListActivityRequest, context: CallContext) {
    const page = await this.activity.list(projectId, callerOf(context), limit, cursor);
    return { items: page.items.map(m.activityMessage), nextCursor: page.nextCursor };
  }

  async exportUserData(_request: projectV1.ExportUserDataRequest, context: CallContext) {
    return { json: await this.userData.export(callerOf(context)) };
  }

  async getUserStats(request: projectV1.GetUserStatsRequest, context: CallContext) {
    return await this.userData.stats(request.userId, callerOf(context));
  }

  async listAllProjects(request: projectV1.ListAllProjectsRequest, context: CallContext) {
    const page = await this.adminProjects.list(callerOf(context), request);
    return { items: page.items.map(m.projectOverviewMessage), nextCursor: page.nextCursor };
  }

  async getProjectOverview(request: projectV1.GetProjectOverviewRequest, context: CallContext) {
    return { project: m.projectOverviewMessage(await this.adminProjects.get(callerOf(context), request.projectId)) };
  }
}
