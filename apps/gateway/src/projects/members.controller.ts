import { Controller, Inject } from '@nestjs/common';
import { PROJECT_CLIENT, type ProjectClient } from '../grpc/grpc-clients.module.js';
import { Endpoint } from '../http/endpoint.decorator.js';
import { ValidBody, ValidParams } from '../http/valid-input.decorator.js';
import {
  memberList,
  memberParams,
  memberResponse,
  toMember,
  toMemberList,
  updateMemberBody,
  type MemberList,
  type MemberParams,
  type MemberResponse,
  type UpdateMemberBody,
} from './members.dto.js';
import { ARCHIVED, READ_PROJECT_ERRORS, WRITE_PROJECT_ERRORS } from './project-errors.js';
import { projectParams, type ProjectParams } from './projects.dto.js';

const tag = 'Projects';
/** Removing or demoting the last owner would leave a project nobody can administer. */
const MEMBER_WRITE_ERRORS = { ...WRITE_PROJECT_ERRORS, 404: ['PROJECT_NOT_FOUND', 'MEMBER_NOT_FOUND'], 422: ['LAST_OWNER'] };

/** Who belongs to a project and with which role; the project service decides who may change it. */
@Controller()
export class MembersController {
  constructor(@Inject(PROJECT_CLIENT) private readonly projects: ProjectClient) {}

  @Endpoint({
    method: 'GET',
    path: '/api/v1/projects/{projectId}/members',
    tag,
    auth: 'user',
    status: 200,
    summary: 'The members of a project with their roles',
    errorCodes: READ_PROJECT_ERRORS,
    params: projectParams,
    response: memberList,
    errors: [],
  })
  async listMembers(@ValidParams() params: ProjectParams): Promise<MemberList> {
    return toMemberList(await this.projects.listMembers({ projectId: params.projectId }));
  }

  @Endpoint({
    method: 'PATCH',
    path: '/api/v1/projects/{projectId}/members/{userId}',
    tag,
    auth: 'user',
    status: 200,
    summary: "Change a member's role (project admins and owners)",
    description: 'The last owner keeps the owner role (422 `LAST_OWNER`).',
    errorCodes: { ...MEMBER_WRITE_ERRORS, 409: [ARCHIVED] },
    params: memberParams,
    body: updateMemberBody,
    response: memberResponse,
    errors: [],
  })
  async updateMember(@ValidParams() params: MemberParams, @ValidBody() body: UpdateMemberBody): Promise<MemberResponse> {
    const { member } = await this.projects.updateMember({ projectId: params.projectId, userId: params.userId, role: body.role });
    return toMember(member);
  }

  @Endpoint({
    method: 'DELETE',
    path: '/api/v1/projects/{projectId}/members/{userId}',
    tag,
    auth: 'user',
    status: 204,
    summary: "Remove a member (project admins and owners), or leave (the caller's own id)",
    description: 'The last owner can neither leave nor be removed (422 `LAST_OWNER`).',
    errorCodes: MEMBER_WRITE_ERRORS,
    params: memberParams,
    errors: [],
  })
  async removeMember(@ValidParams() params: MemberParams): Promise<void> {
    await this.projects.removeMember({ projectId: params.projectId, userId: params.userId });
  }
}
