/** Plan names as the product calls them: the same in every language. */
const planNames: Record<string, string> = { free: 'Free', pro: 'Pro', business: 'Business' };

export function planName(plan: string): string {
  return planNames[plan] ?? plan;
}
