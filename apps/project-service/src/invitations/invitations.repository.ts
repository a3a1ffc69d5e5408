import { DB, type Db } from '@msp/platform';
import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { ProjectRole } from '../access/project-roles.js';
import { invitations, projects } from '../db/schema.js';

export interface InvitationView {
  id: string;
  email: string;
  role: Exclude<ProjectRole, 'owner'>;
  expiresAt: Date;
  createdAt: Date;
}

export interface OpenInvitation extends InvitationView {
  projectId: string;
}

export interface NewInvitation {
  id: string;
  projectId: string;
  email: string;
  role: Exclude<ProjectRole, 'owner'>;
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
}

const viewColumns = {
  id: invitations.id,
  email: invitations.email,
  role: sql<Exclude<ProjectRole, 'owner'>>`${invitations.role}`,
  expiresAt: invitations.expiresAt,
  createdAt: invitations.createdAt,
};

/** Pending (neither accepted nor revoked) and not yet expired. */
const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`));

@Injectable()
export class InvitationsRepository {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** Revokes the pending invitation to `email`, if any, so a new one can replace it. */
  async revokePending(projectId: string, email: string, tx: Db): Promise<void> {
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.projectId, projectId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
  }

  async insert(invitation: NewInvitation, tx: Db): Promise<InvitationView> {
    const [row] = await tx.insert(invitations).values(invitation).returning(viewColumns);
    return row!;
  }

  /** The open invitations of a project, newest first. */
  async listOpen(projectId: string): Promise<InvitationView[]> {
    return this.db
      .select(viewColumns)
      .from(invitations)
      .where(and(eq(invitations.projectId, projectId), open()))
      .orderBy(desc(invitations.createdAt), desc(invitations.id));
  }

  /** Returns the revoked invitation's address, or undefined when there was no open invitation. */
  async revoke(projectId: string, invitationId: string, tx: Db): Promise<string | undefined> {
    const rows = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(invitations.projectId, projectId), eq(invitations.id, invitationId), open()))
      .returning({ email: invitations.email });
    return rows[0]?.email;
  }

  /** The open invitation with this token hash, to a project that still exists. */
  async findOpenByTokenHash(tokenHash: string, tx: Db): Promise<OpenInvitation | undefined> {
    const rows = await tx
      .select({ ...viewColumns, projectId: invitations.projectId })
      .from(invitations)
      .innerJoin(projects, eq(projects.id, invitations.projectId))
      .where(and(eq(invitations.tokenHash, tokenHash), open(), isNull(projects.deletedAt)));
    return rows[0];
  }

  /** Single use: only the first acceptance of an open invitation succeeds. */
  async markAccepted(invitationId: string, userId: string, tx: Db): Promise<boolean> {
    const rows = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()`, acceptedBy: userId })
      .where(and(eq(invitations.id, invitationId), open()))
      .returning({ id: invitations.id });
    return rows.length > 0;
  }
}
