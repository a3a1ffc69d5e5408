import { randomUUID } from 'node:crypto';
import { UnitOfWork, type Caller, type FieldProblem } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AccessError } from '../access/access.errors.js';
import { ProjectAccess } from '../access/project-access.js';
import { ActivityRepository } from '../activity/activity.repository.js';
import { PlanLimits } from '../billing/plan-limits.js';
import { isUuid, parseInput } from '../common/validation.js';
import { MembersRepository } from '../members/members.repository.js';
import { normalizeEmail, PeopleRepository } from '../people/people.repository.js';
import { ProjectsRepository, type ProjectWithRole } from '../projects/projects.repository.js';
import { hashInvitationToken, newInvitationToken } from './invitation-token.js';
import { InvitationError } from './invitations.errors.js';
import { InvitationsRepository, type InvitationView } from './invitations.repository.js';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

const newInvitationSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()).transform(normalizeEmail),
  // Ownership is given by an owner to a member, never to someone not yet in the project.
  role: z.enum(['admin', 'member', 'viewer'], 'must be admin, member or viewer'),
});

/** Invitations by email: admins and owners manage them, the addressee accepts with the emailed token. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly access: ProjectAccess,
    private readonly invitations: InvitationsRepository,
    private readonly members: MembersRepository,
    private readonly people: PeopleRepository,
    private readonly projects: ProjectsRepository,
    private readonly activity: ActivityRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly planLimits: PlanLimits,
  ) {}

  /** Replaces any pending invitation to the same address; the raw token goes only into the event for the email. */
  async create(projectId: string, input: { email: string; role: string }, caller: Caller | undefined): Promise<InvitationView> {
    await this.access.require(projectId, caller, 'admin');
    const { email, role } = parseInput(newInvitationSchema, input, invalid);
    const token = newInvitationToken();
    return this.unitOfWork.run(async (tx, events) => {
      const { userId, project } = await this.access.requireLockedWritable(projectId, caller, 'admin', tx);
      if (await this.members.hasMemberWithEmail(projectId, email, tx)) {
        throw new InvitationError('ALREADY_MEMBER', `${email} is already a member of this project.`, [
          { path: 'email', message: 'is already a member' },
        ]);
      }
      await this.invitations.revokePending(projectId, email, tx);
      const invitation = await this.invitations.insert(
        {
          id: randomUUID(),
          projectId,
          email,
          role,
          tokenHash: hashInvitationToken(token),
          invitedBy: userId,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        },
        tx,
      );
      await this.activity.add(
        [{ projectId, actorId: userId, action: 'member.invited', subject: email, data: { role, invitationId: invitation.id } }],
        tx,
      );
      await events.add({
        type: 'project.member.invited.v1',
        subject: projectId,
        data: {
          invitationId: invitation.id,
          projectId,
          projectName: project.name,
          projectKey: project.key,
          email,
          role,
          invitedBy: userId,
          inviterName: await this.people.displayNameOf(userId, tx),
          token,
          expiresAt: invitation.expiresAt.toISOString(),
        },
      });
      return invitation;
    });
  }

  async listOpen(projectId: string, caller: Caller | undefined): Promise<InvitationView[]> {
    await this.access.require(projectId, caller, 'admin');
    return this.invitations.listOpen(projectId);
  }

  async revoke(projectId: string, invitationId: string, caller: Caller | undefined): Promise<void> {
    const { userId } = await this.access.require(projectId, caller, 'admin');
    if (!isUuid(invitationId)) throw invitationNotFound();
    await this.unitOfWork.run(async (tx) => {
      const email = await this.invitations.revoke(projectId, invitationId, tx);
      if (email === undefined) throw invitationNotFound();
      await this.activity.add([{ projectId, actorId: userId, action: 'invitation.revoked', subject: email, data: { invitationId } }], tx);
    });
  }

  /**
   * The signed-in caller joins with the emailed token, if the invitation was sent to their address
   * (as this service knows it from auth and user events, so someone who signed up after being invited
   * can accept). A caller who already is a member keeps their role; the invitation is used up either way.
   */
  async accept(token: string, caller: Caller | undefined): Promise<ProjectWithRole> {
    const { userId } = this.access.signedIn(caller);
    if (token.trim() === '' || token.length > 200)
      throw invalid([{ path: 'token', message: 'must be the token from the invitation email' }]);
    const projectId = await this.unitOfWork.run(async (tx, events) => {
      const invitation = await this.invitations.findOpenByTokenHash(hashInvitationToken(token), tx);
      if (!invitation) throw invitationNotFound();
      const person = await this.people.find(userId, tx);
      if (!person?.email || person.email !== invitation.email) throw invitationNotFound();
      const project = await this.access.lockProject(invitation.projectId, tx);
      if (!project) throw invitationNotFound();
      // Nobody joins an archived project; the refusal rolls back, so the invitation stays open for
      // when the project is unarchived (until it expires).
      this.access.requireUnarchived(project);
      // Under the project's lock taken above, so two acceptances cannot both take the last place.
      await this.planLimits.requireRoomForMember(project.id, userId, tx);
      if (!(await this.invitations.markAccepted(invitation.id, userId, tx))) throw invitationNotFound();
      if (await this.members.add(project.id, userId, invitation.role, tx)) {
        await this.activity.add(
          [
            {
              projectId: project.id,
              actorId: userId,
              action: 'member.joined',
              subject: userId,
              data: { role: invitation.role, invitationId: invitation.id },
            },
          ],
          tx,
        );
        await events.add({
          type: 'project.member.joined.v1',
          subject: project.id,
          data: { projectId: project.id, userId, role: invitation.role, invitationId: invitation.id },
        });
      }
      return project.id;
    });
    await this.access.forget([{ projectId, userId }]);
    const project = await this.projects.findForMember(projectId, userId);
    // Only a deletion in the instant since the commit can take it away again.
    if (!project) throw new AccessError('PROJECT_NOT_FOUND', 'No such project.');
    return project;
  }
}

function invalid(fields: FieldProblem[]): InvitationError {
  return new InvitationError('VALIDATION_FAILED', 'The invitation is invalid.', fields);
}

function invitationNotFound(): InvitationError {
  return new InvitationError('INVITATION_NOT_FOUND', 'This invitation does not exist, has expired, or was sent to another address.');
}
