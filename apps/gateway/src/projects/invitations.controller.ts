import { Controller, Inject } from '@nestjs/common';
import { PROJECT_CLIENT, type ProjectClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidParams } from '../http/valid-input.decorator.js';
import {
  acceptInvitationBody,
  createInvitationBody,
  invitationList,
  invitationParams,
  invitationResponse,
  toInvitation,
  toInvitationList,
  type AcceptInvitationBody,
  type CreateInvitationBody,
  type InvitationList,
  type InvitationParams,
  type InvitationResponse,
} from './invitations.dto.js';
import { ARCHIVED, WRITE_PROJECT_ERRORS } from './project-errors.js';
import { projectParams, projectResponse, toProject, type ProjectParams, type ProjectResponse } from './projects.dto.js';

const tag = 'Projects';

/** Invitations by email: project admins and owners send and revoke them, the invitee accepts. */
@Controller()
export class InvitationsController {
  constructor(@Inject(PROJECT_CLIENT) private readonly projects: ProjectClient) {}

  @Endpoint({
    method: 'POST',
    path: '/api/v1/projects/{projectId}/invitations',
    tag,
    auth: 'user',
    // Each invitation sends an email: the budget of the other routes that do.
    rateLimit: 'sensitive',
    status: 201,
    summary: 'Invite someone by email (project admins and owners); the invitee gets a single-use link',
    description: 'The invitee may not have an account yet. Someone already a member is 409. Honours `Idempotency-Key`.',
    errorCodes: { ...WRITE_PROJECT_ERRORS, 409: ['ALREADY_MEMBER', ARCHIVED] },
    idempotent: true,
    params: projectParams,
    body: createInvitationBody,
    response: invitationResponse,
    errors: [],
  })
  async createInvitation(@ValidParams() params: ProjectParams, @ValidBody() body: CreateInvitationBody): Promise<InvitationResponse> {
    const { invitation } = await this.projects.createInvitation({ projectId: params.projectId, email: body.email, role: body.role });
    return toInvitation(invitation);
  }

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects/{projectId}/invitations',
    tag,
    auth: 'user',
    status: 200,
    summary: 'The open invitations of a project (project admins and owners)',
    errorCodes: WRITE_PROJECT_ERRORS,
    params: projectParams,
    response: invitationList,
    errors: [],
  })
  async listInvitations(@ValidParams() params: ProjectParams): Promise<InvitationList> {
    return toInvitationList(await this.projects.listInvitations({ projectId: params.projectId }));
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/projects/{projectId}/invitations/{invitationId}',
    tag,
    auth: 'user',
    status: 204,
    summary: 'Revoke an invitation: its link stops working (project admins and owners)',
    errorCodes: { ...WRITE_PROJECT_ERRORS, 404: ['PROJECT_NOT_FOUND', 'INVITATION_NOT_FOUND'] },
    params: invitationParams,
    errors: [],
  })
  async revokeInvitation(@ValidParams() params: InvitationParams): Promise<void> {
    await this.projects.revokeInvitation({ projectId: params.projectId, invitationId: params.invitationId });
  }

  @Endpoint({
    method: 'POST',
    path: '/api/v1/invitations/accept',
    tag,
    auth: 'user',
    // Redeems an emailed token: guessing tokens gets the budget of password resets.
    rateLimit: 'sensitive',
    status: 200,
    summary: "Accept an invitation sent to the caller's email address; answers the project joined",
    description:
      'A token that is unknown, used, revoked or expired, or an invitation sent to another address, is 404 ' +
      '`INVITATION_NOT_FOUND`. A caller who already is a member keeps their role.',
    // PLAN_LIMIT_REACHED: the project's plan allows no more members; the invitation stays open.
    errorCodes: { 404: ['INVITATION_NOT_FOUND'], 409: [ARCHIVED, 'PLAN_LIMIT_REACHED'] },
    body: acceptInvitationBody,
    response: projectResponse,
    errors: [],
  })
  async acceptInvitation(@ValidBody() body: AcceptInvitationBody): Promise<ProjectResponse> {
    const { project } = await this.projects.acceptInvitation({ token: body.token });
    return toProject(project);
  }
}
