import 'server-only';
import { api, as, settle, type Caller, type GatewayResult } from '../gateway-core';
import type { Answer, Body, ItemOf, Query } from './types';

export type Project = Answer<'/api/v1/projects/{projectId}', 'get'>;
export type ProjectRole = Project['role'];
export type ProjectPage = Answer<'/api/v1/projects', 'get'>;
export type CreateProjectInput = Body<'/api/v1/projects', 'post'>;
export type UpdateProjectInput = Body<'/api/v1/projects/{projectId}', 'patch'>;
export type Member = ItemOf<Answer<'/api/v1/projects/{projectId}/members', 'get'>>;
export type Invitation = ItemOf<Answer<'/api/v1/projects/{projectId}/invitations', 'get'>>;
export type InviteInput = Body<'/api/v1/projects/{projectId}/invitations', 'post'>;
export type ActivityPage = Answer<'/api/v1/projects/{projectId}/activity', 'get'>;
export type ActivityEntry = ItemOf<ActivityPage>;

const project = (projectId: string) => ({ path: { projectId } });

export const projectsApi = {
  list: (caller: Caller, query: Query<'/api/v1/projects', 'get'>): Promise<GatewayResult<ProjectPage>> =>
    settle(api.GET('/api/v1/projects', { params: { query }, ...as(caller) }), 'json'),

  create: (caller: Caller, body: CreateProjectInput, idempotencyKey: string): Promise<GatewayResult<Project>> =>
    settle(api.POST('/api/v1/projects', { body, ...as(caller, { idempotencyKey }) }), 'json'),

  get: (caller: Caller, projectId: string): Promise<GatewayResult<Project>> =>
    settle(api.GET('/api/v1/projects/{projectId}', { params: project(projectId), ...as(caller) }), 'json'),

  update: (caller: Caller, projectId: string, body: UpdateProjectInput): Promise<GatewayResult<Project>> =>
    settle(api.PATCH('/api/v1/projects/{projectId}', { params: project(projectId), body, ...as(caller) }), 'json'),

  remove: (caller: Caller, projectId: string): Promise<GatewayResult<void>> =>
    settle(api.DELETE('/api/v1/projects/{projectId}', { params: project(projectId), ...as(caller) }), 'empty'),

  members: (caller: Caller, projectId: string): Promise<GatewayResult<{ items: Member[] }>> =>
    settle(api.GET('/api/v1/projects/{projectId}/members', { params: project(projectId), ...as(caller) }), 'json'),

  changeRole: (caller: Caller, projectId: string, userId: string, role: ProjectRole): Promise<GatewayResult<Member>> =>
    settle(
      api.PATCH('/api/v1/projects/{projectId}/members/{userId}', {
        params: { path: { projectId, userId } },
        body: { role },
        ...as(caller),
      }),
      'json',
    ),

  removeMember: (caller: Caller, projectId: string, userId: string): Promise<GatewayResult<void>> =>
    settle(
      api.DELETE('/api/v1/projects/{projectId}/members/{userId}', { params: { path: { projectId, userId } }, ...as(caller) }),
      'empty',
    ),

  invitations: (caller: Caller, projectId: string): Promise<GatewayResult<{ items: Invitation[] }>> =>
    settle(api.GET('/api/v1/projects/{projectId}/invitations', { params: project(projectId), ...as(caller) }), 'json'),

  invite: (caller: Caller, projectId: string, body: InviteInput, idempotencyKey: string): Promise<GatewayResult<Invitation>> =>
    settle(
      api.POST('/api/v1/projects/{projectId}/invitations', { params: project(projectId), body, ...as(caller, { idempotencyKey }) }),
      'json',
    ),

  revokeInvitation: (caller: Caller, projectId: string, invitationId: string): Promise<GatewayResult<void>> =>
    settle(
      api.DELETE('/api/v1/projects/{projectId}/invitations/{invitationId}', {
        params: { path: { projectId, invitationId } },
        ...as(caller),
      }),
      'empty',
    ),

  activity: (caller: Caller, projectId: string, query: { limit?: number; cursor?: string }): Promise<GatewayResult<ActivityPage>> =>
    settle(api.GET('/api/v1/projects/{projectId}/activity', { params: { ...project(projectId), query }, ...as(caller) }), 'json'),
} as const;
