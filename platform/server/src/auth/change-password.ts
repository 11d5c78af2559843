/**
 * A user changes their own password: the current one is checked, every other session of theirs ends.
 * Guesses at the current password are throttled as logins are (login-throttle.ts, per username and
 * address): a stolen session cannot try passwords faster than the login page allows.
 */
import { AppError } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';
import type { Actor } from './roles.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { checkNewPassword, passwordPolicyOf } from './password-policy.ts';
import { revokeSessions } from './sessions.ts';
import { beginLoginAttempt, loginSucceeded } from './login-throttle.ts';
import { audit } from '../audit/audit.ts';

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepToken?: string; ip: string },
  opts: { maxFailures: number },
): Promise<void> {
  const attempt = await beginLoginAttempt(db, actor.username, input.ip, opts.maxFailures);
  const [u] = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [actor.id]);
  if (!(await verifyPassword(u.password_hash, input.currentPassword))) throw new AppError('PASSWORD_WRONG', { details: { field: 'currentPassword' } });
  await loginSucceeded(db, attempt);
  await checkNewPassword(input.newPassword, { field: 'newPassword', username: actor.username, policy: passwordPolicyOf(db) });
  const hash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $1, updated_at = now() where id = $2', [hash, actor.id]);
    await revokeSessions(tx, actor.id, input.keepToken);
    await audit(tx, actor, { action: 'user.password.change', entity: 'user', entityId: actor.id });
  });
}
