export const PLAN_IDS = ['free', 'pro', 'business'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/** What a plan allows per project; null means no limit. */
export interface PlanLimitValues {
  members: number | null;
  tasks: number | null;
}

export interface Plan {
  id: PlanId;
  name: string;
  /** In the currency's minor unit (cents), never a float: money is counted, not measured. */
  price: { amount: number; currency: string };
  interval: 'month';
  limits: PlanLimitValues;
}

/**
 * The catalogue, in code rather than the database: a price change is a reviewed deploy, and a payment
 * records the amount it was made for, so old payments keep their price. Free is generous enough for a
 * small team to try everything; the limits are what an upgrade buys.
 */
export const PLANS: readonly Plan[] = [
  { id: 'free', name: 'Free', price: { amount: 0, currency: 'eur' }, interval: 'month', limits: { members: 10, tasks: 250 } },
  { id: 'pro', name: 'Pro', price: { amount: 1_900, currency: 'eur' }, interval: 'month', limits: { members: 50, tasks: 5_000 } },
  {
    id: 'business',
    name: 'Business',
    price: { amount: 4_900, currency: 'eur' },
    interval: 'month',
    limits: { members: null, tasks: null },
  },
];

export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}

export function planOf(id: PlanId): Plan {
  return PLANS.find((plan) => plan.id === id)!;
}

/** Unknown plan values (none exist: a check constraint guards the column) count as free, the safe side. */
export function limitsOf(planId: string): PlanLimitValues {
  return planOf(isPlanId(planId) ? planId : 'free').limits;
}
