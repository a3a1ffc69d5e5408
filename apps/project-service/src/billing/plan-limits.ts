import type { Db } from '@msp/platform';
import { Injectable } from '@nestjs/common';
import { BillingError } from './billing.errors.js';
import { BillingProjectsRepository } from './billing-projects.repository.js';
import { limitsOf, planOf, isPlanId } from './plans.js';

/**
 * The limits of a project's plan, checked inside the transaction that would exceed them. Callers
 * hold the project's row lock there (task numbering, invitation acceptance), so two additions racing
 * for the last place cannot both see it free.
 */
@Injectable()
export class PlanLimits {
  constructor(private readonly projects: BillingProjectsRepository) {}

  /** Before a task is added to the project. */
  async requireRoomForTask(projectId: string, tx: Db): Promise<void> {
    const plan = await this.planOf(projectId, tx);
    const limit = limitsOf(plan).tasks;
    if (limit === null) return;
    if ((await this.projects.countLiveTasks(projectId, limit, tx)) >= limit) {
      throw limitReached(plan, `tasks (${limit})`);
    }
  }

  /** Before `userId` joins the project; someone already in it takes no new place. */
  async requireRoomForMember(projectId: string, userId: string, tx: Db): Promise<void> {
    const plan = await this.planOf(projectId, tx);
    const limit = limitsOf(plan).members;
    if (limit === null || (await this.projects.isMember(projectId, userId, tx))) return;
    if ((await this.projects.countMembers(projectId, tx)) >= limit) throw limitReached(plan, `members (${limit})`);
  }

  private async planOf(projectId: string, tx: Db): Promise<string> {
    return (await this.projects.planOf(projectId, tx))?.plan ?? 'free';
  }
}

function limitReached(plan: string, what: string): BillingError {
  const name = isPlanId(plan) ? planOf(plan).name : plan;
  return new BillingError('PLAN_LIMIT_REACHED', `The ${name} plan of this project allows at most ${what}. Upgrade the plan to add more.`);
}
