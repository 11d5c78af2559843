/** The shortest password any account may set: the server's policy (platform/server auth/password-policy.ts) and the forms' hints read this one figure. */
export const MIN_PASSWORD_LENGTH = 10;
