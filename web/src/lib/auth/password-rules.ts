// What the forms check before sending a new password (the server checks again and has the last word): the same
// minimum for one's own password and an admin's reset, and the two entries of a new password being the same.
export const minPasswordLength = 10;

/** Why `password` (typed twice: `repeated`) cannot be sent, or null. */
export function newPasswordProblem(password: string, repeated: string): string | null {
  // Counted in characters as the server counts them (code points: an emoji is one).
  if ([...password].length < minPasswordLength) return `The new password needs at least ${minPasswordLength} characters.`;
  if (password !== repeated) return 'The two new passwords are not the same.';
  return null;
}
