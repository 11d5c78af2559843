/**
 * What a new password must be, wherever one is set (the users page, 修改密码, `kechuang user create`):
 * at least 10 characters, not one of ~49,000 common passwords (zxcvbn's list, compared case-insensitively),
 * not the username, and not the demo password outside demo mode. NIST SP 800-63B §3.1.1.2: a length
 * minimum and a blocklist of commonly used passwords, rather than composition rules.
 */
import { AppError, MIN_PASSWORD_LENGTH } from '@kechuang/platform-core';
import type { Db } from '../db/db.ts';

export { MIN_PASSWORD_LENGTH };
export const DEMO_PASSWORD = 'kechuang-demo';

export interface PasswordPolicy {
  /** demo mode: the demo accounts' password may be set */
  allowDemoPassword: boolean;
}

const STRICT: PasswordPolicy = { allowDemoPassword: false };

/**
 * The policy of each app's database handle: the rooms open accounts with `createUser(ctx.db, …)`, so
 * the app registers its mode here once (buildApp) and every caller on that handle gets it. A handle
 * nobody registered (the CLI's, a transaction's) is strict unless the caller passes a policy.
 */
const policies = new WeakMap<Db, PasswordPolicy>();

export function setPasswordPolicy(db: Db, policy: PasswordPolicy): void {
  policies.set(db, policy);
}

export function passwordPolicyOf(db: Db): PasswordPolicy {
  return policies.get(db) ?? STRICT;
}

let common: Promise<Set<string>> | null = null;

/** The common-password list, loaded on first use (it is large, and most commands never set a password). */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common'].map((w) => w.toLowerCase())));
  return common;
}

export type PasswordField = 'password' | 'newPassword';
const FIELD_LABEL: Record<PasswordField, { zh: string; en: string }> = {
  password: { zh: '密码', en: 'The password' },
  newPassword: { zh: '新密码', en: 'The new password' },
};

/** Refuses a new password with PASSWORD_WEAK naming the field and why (`details.reason`). */
export async function checkNewPassword(password: string, opts: { field: PasswordField; username: string; policy: PasswordPolicy }): Promise<void> {
  const { zh: label, en: labelEn } = FIELD_LABEL[opts.field];
  const weak = (reason: string, zh: string, en: string) =>
    new AppError('PASSWORD_WEAK', { message: { zh, en }, details: { field: opts.field, reason, minLength: MIN_PASSWORD_LENGTH } });
  // characters as people count them: a CJK character or an emoji is one, not two UTF-16 units
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw weak('short', `${label}至少 ${MIN_PASSWORD_LENGTH} 个字符`, `${labelEn} needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (lower === opts.username.trim().toLowerCase()) throw weak('username', `${label}不能与用户名相同`, `${labelEn} cannot be the username`);
  if (password === DEMO_PASSWORD && !opts.policy.allowDemoPassword)
    throw weak('demo', `${label}不能使用公开的演示密码 ${DEMO_PASSWORD}`, `${labelEn} cannot be the public demo password ${DEMO_PASSWORD}`);
  if ((await commonPasswords()).has(lower))
    throw weak('common', `${label}是常见密码，容易被猜中，请换一个`, `${labelEn} is a common password, easily guessed: choose another`);
}
