import type { z } from 'zod';

/**
 * Zod's default messages ("Too small: expected string to have >=8 characters") are written for
 * developers; these are shown to people next to a form field. Messages a schema sets itself are kept.
 */
export function readableMessage(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (small|big))/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${issue.minimum} characters` : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters` : `must be at most ${issue.maximum}`;
    case 'invalid_type':
      return issue.message.endsWith('received undefined') ? 'is required' : `must be a ${issue.expected}`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'must be a valid email address'
        : issue.format === 'regex'
          ? 'has an invalid format'
          : `must be a valid ${issue.format}`;
    case 'invalid_key':
      return 'is not an accepted name';
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}
