import type { z } from 'zod';

/**
 * A validation issue in the product's words ("is not a number", "should be 250 or less") instead of
 * the validator's ("Invalid input: expected number, received NaN"). A message a schema wrote itself
 * ("must be 1-50 letters, …") is kept as it is.
 */
export function issueReason(issue: z.core.$ZodIssue): string {
  if (!/^(Invalid|Too (small|big)|Expected|Unrecognized)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return typeWords[issue.expected] ?? `should be a ${issue.expected}`;
    case 'too_small':
      return bound(issue.origin, 'least', Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return bound(issue.origin, 'most', Number(issue.maximum), issue.inclusive !== false);
    case 'invalid_value':
      return `should be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected form' : `is not a valid ${issue.format}`;
    case 'not_multiple_of':
      return `should be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

const typeWords: Record<string, string> = {
  number: 'is not a number',
  int: 'is not a whole number',
  string: 'should be text',
  boolean: 'should be true or false',
  array: 'should be a list',
  object: 'should be an object',
};

function bound(origin: string, side: 'least' | 'most', limit: number, inclusive: boolean): string {
  if (origin === 'string') return side === 'least' && limit <= 1 ? 'must not be empty' : `should be at ${side} ${limit} characters long`;
  if (origin === 'array' || origin === 'set') return `should have at ${side} ${limit} item${limit === 1 ? '' : 's'}`;
  const or = side === 'least' ? 'or more' : 'or less';
  return inclusive ? `should be ${limit} ${or}` : `should be ${side === 'least' ? 'more' : 'less'} than ${limit}`;
}
