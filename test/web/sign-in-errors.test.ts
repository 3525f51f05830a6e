// A refused sign-in in words (web/src/lib/auth/sign-in-errors.ts) and the new-password checks (password-rules.ts).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api/client';
import { signInRefusal } from '../../web/src/lib/auth/sign-in-errors';
import { newPasswordProblem } from '../../web/src/lib/auth/password-rules';

const problem = (status: number, title: string, detail?: string) => new ApiError({ type: 'about:blank', status, title, ...(detail ? { detail } : {}) });

describe('sign-in refusals', () => {
  it('401: one message for either field being wrong, the server’s detail kept', () => {
    expect(signInRefusal(problem(401, 'Wrong user name or password'))).toEqual({
      title: 'Wrong user name or password',
      detail: 'Check both (passwords are case-sensitive) and try again.',
    });
    expect(signInRefusal(problem(401, 'Unauthorized', 'This account is disabled.')).detail).toBe('This account is disabled.');
    // A detail repeating the title is not said twice.
    expect(signInRefusal(problem(401, 'Wrong user name or password', 'Wrong user name or password.')).detail).toBe('Check both (passwords are case-sensitive) and try again.');
  });

  it('429: the server’s sentence saying when to try again, from its detail or else its title', () => {
    expect(signInRefusal(problem(429, 'Too many sign-in attempts', 'Try again in 4 minutes (at 15:34 UTC).'))).toEqual({
      title: 'Too many sign-in attempts',
      detail: 'Try again in 4 minutes (at 15:34 UTC).',
    });
    expect(signInRefusal(problem(429, 'Try again after 15:34 UTC')).detail).toBe('Try again after 15:34 UTC');
    // A bare status text (a proxy's) is no sentence: the fallback says what to do.
    expect(signInRefusal(problem(429, 'Too Many Requests')).detail).toBe('Wait a few minutes before trying again.');
  });

  it('a server that cannot be reached, and any other problem, as the problem says', () => {
    expect(signInRefusal(problem(0, 'Cannot reach the ServicePulse server', 'Check that the server is running.'))).toEqual({
      title: 'Cannot reach the ServicePulse server',
      detail: 'Check that the server is running.',
    });
    expect(signInRefusal(problem(500, 'Internal error'))).toEqual({ title: 'Internal error', detail: 'The server answered with status 500.' });
  });
});

describe('a new password', () => {
  it('needs 10 characters counted as code points, typed the same twice', () => {
    expect(newPasswordProblem('123456789', '123456789')).toBe('The new password needs at least 10 characters.');
    expect(newPasswordProblem('1234567890', '1234567890')).toBeNull();
    expect(newPasswordProblem('1234567890', '1234567891')).toBe('The two new passwords are not the same.');
    // 5 emoji are 10 UTF-16 units but 5 characters: too short, as the server counts.
    expect(newPasswordProblem('😀'.repeat(5), '😀'.repeat(5))).toBe('The new password needs at least 10 characters.');
  });
});
