/**
 * One error type for the whole platform. Every code belongs to a closed union with a table giving its HTTP
 * status and its message in Chinese and English: the platform's codes here, each room's in its own
 * `errors.ts` (`ErrorTable<TheRoomsCode>`, a Record, so a code without its status or a message fails the
 * typecheck). The server renders every AppError as `{ error: { code, message, details } }`, in the
 * language of the request (zh-CN unless it asks for English).
 */
export type MessageLang = 'zh' | 'en';

/** a message in both languages */
export interface Localized {
  zh: string;
  en: string;
}

/** a code's HTTP status and messages; `{name}` in a message is filled from the error's `params` */
export interface ErrorSpec extends Localized {
  status: number;
}

/** a closed union of codes, each with its status and messages: a missing entry fails the typecheck */
export type ErrorTable<C extends string> = Readonly<Record<C, ErrorSpec>>;

export type PlatformErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'LOGIN_FAILED'
  | 'LOGIN_RATE_LIMITED'
  | 'FORBIDDEN'
  | 'FORBIDDEN_REGION'
  | 'FORBIDDEN_SCOPE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PASSWORD_WEAK'
  | 'PASSWORD_WRONG'
  | 'REGION_UNKNOWN'
  | 'PERIOD_INVALID'
  | 'IMPORT_INVALID'
  | 'IMPORT_EMPTY'
  | 'IMPORT_UNREADABLE'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_HEADER'
  | 'INTERNAL';

export const ERROR_CODES: ErrorTable<PlatformErrorCode> = {
  VALIDATION: { status: 400, zh: '请求参数有误', en: 'The request has an invalid value' },
  UNAUTHENTICATED: { status: 401, zh: '未登录或会话已过期，请重新登录', en: 'Not signed in, or the session has expired: please sign in again' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_RATE_LIMITED: { status: 429, zh: '登录尝试过于频繁，请稍后再试', en: 'Too many sign-in attempts: please try again later' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  FORBIDDEN_REGION: { status: 403, zh: '无权访问该地区的数据', en: "You may not see this region's data" },
  // an account bound to one record (an enterprise, a carrier) on a page that needs a region
  FORBIDDEN_SCOPE: { status: 403, zh: '该功能只对有地区范围的账号开放', en: 'Only accounts with a region may use this' },
  NOT_FOUND: { status: 404, zh: '资源不存在', en: 'Not found' },
  CONFLICT: { status: 409, zh: '数据已存在', en: 'This already exists' },
  PASSWORD_WEAK: { status: 400, zh: '新密码不符合要求', en: 'The new password is too weak' },
  PASSWORD_WRONG: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  REGION_UNKNOWN: { status: 400, zh: '地区代码不存在', en: 'Unknown region code' },
  PERIOD_INVALID: { status: 400, zh: '期间格式有误，应为 2023、2023Q2 或 2023-05', en: 'Invalid period: write 2023, 2023Q2 or 2023-05' },
  IMPORT_INVALID: { status: 422, zh: '导入文件有错误，未导入任何数据', en: 'The file has errors: nothing was imported' },
  IMPORT_EMPTY: { status: 422, zh: '文件中没有数据行', en: 'The file has no data rows' },
  IMPORT_UNREADABLE: { status: 415, zh: '无法读取该文件，请上传 .xlsx 或 .csv 文件', en: 'The file cannot be read: upload an .xlsx or .csv file' },
  IMPORT_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  IMPORT_HEADER: { status: 422, zh: '表头有误', en: 'The header row is wrong' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
};

/** kept for callers that name any platform code */
export type ErrorCode = PlatformErrorCode;

export type ErrorParams = Record<string, string | number>;

export interface AppErrorOptions {
  /** the values of the `{name}` placeholders in the code's messages */
  params?: ErrorParams;
  /**
   * A message of its own instead of the code's. A plain string is Chinese only (older call sites): an
   * English request then gets the code's English message.
   */
  message?: string | Localized;
  details?: unknown;
  /** details that speak, in each language (an import's row errors); `details` is then the Chinese ones */
  detailsIn?: Record<MessageLang, unknown>;
}

/** fills `{name}` placeholders; a placeholder without a value stays as it is */
export function fillMessage(template: string, params: ErrorParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** what crosses a thread boundary: enough to throw the same error on the other side */
export interface SerialisedAppError {
  code: string;
  status: number;
  messages: Localized;
  details: unknown;
  detailsIn?: Record<MessageLang, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;
  readonly status: number;
  /** the message in both languages, placeholders filled; `message` is the Chinese one */
  readonly messages: Localized;
  /** the details in each language, when they speak */
  readonly detailsIn: Record<MessageLang, unknown> | undefined;

  constructor(code: PlatformErrorCode, options?: AppErrorOptions);
  /** a room's code, with its entry of the room's ErrorTable (see `errorsOf`) */
  constructor(code: string, options: AppErrorOptions | undefined, spec: ErrorSpec);
  constructor(code: string, options: AppErrorOptions = {}, spec: ErrorSpec = ERROR_CODES[code as PlatformErrorCode]) {
    const own = options.message;
    const messages: Localized = {
      zh: typeof own === 'string' ? own : fillMessage(own?.zh ?? spec.zh, options.params),
      en: typeof own === 'object' ? fillMessage(own.en, options.params) : fillMessage(spec.en, options.params),
    };
    super(messages.zh);
    this.code = code;
    this.details = options.details ?? options.detailsIn?.zh;
    this.detailsIn = options.detailsIn;
    this.status = spec.status;
    this.messages = messages;
  }

  messageIn(lang: MessageLang): string {
    return this.messages[lang];
  }

  /** the details as answered in `lang` */
  detailsOf(lang: MessageLang): unknown {
    return this.detailsIn ? this.detailsIn[lang] : this.details;
  }

  serialise(): SerialisedAppError {
    const e: SerialisedAppError = { code: this.code, status: this.status, messages: this.messages, details: this.details ?? null };
    if (this.detailsIn) e.detailsIn = this.detailsIn;
    return e;
  }

  static revive(e: SerialisedAppError): AppError {
    return new AppError(e.code, { message: e.messages, details: e.details, detailsIn: e.detailsIn }, { status: e.status, ...e.messages });
  }
}

/**
 * A room's error constructor over its table: `const enterpriseError = errorsOf(ENTERPRISE_ERRORS)`, then
 * `throw enterpriseError('ENT_USCC_TAKEN', { params: { uscc, name }, details: { field: 'uscc' } })`.
 */
export function errorsOf<C extends string>(table: ErrorTable<C>): (code: C, options?: AppErrorOptions) => AppError {
  return (code, options) => new AppError(code, options, table[code]);
}

/** the words every import says about a file as a whole (its rows' errors are the room's) */
export const IMPORT_MESSAGES = {
  invalid: (count: number): Localized => ({
    zh: `导入文件有 ${count} 处错误，未导入任何数据`,
    en: `The file has ${count} error${count === 1 ? '' : 's'}: nothing was imported`,
  }),
  /** `english`: the columns as the English template heads them (by default the same names) */
  missingColumns: (columns: string[], english: string[] = columns): Localized => ({
    zh: `缺少必填列：${columns.join('、')}`,
    en: `Required column${english.length === 1 ? '' : 's'} missing: ${english.join(', ')}`,
  }),
  duplicatedColumns: (columns: string[]): Localized => ({
    zh: `列重复：${columns.join('、')}`,
    en: `Column${columns.length === 1 ? '' : 's'} given twice: ${columns.join(', ')}`,
  }),
};

const CJK = /[\u3400-\u9fff]/;

/**
 * What is wrong with a table's words, for each room's test: a status that is not an error's, a Chinese message
 * without Chinese, or an English one with Chinese (a cited text's number aside, 财税〔2015〕119号).
 */
export function errorTableProblems(table: ErrorTable<string>): string[] {
  const problems: string[] = [];
  for (const [code, spec] of Object.entries(table)) {
    if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) problems.push(`${code}: status ${spec.status}`);
    if (!CJK.test(spec.zh)) problems.push(`${code}: zh without Chinese`);
    if (CJK.test(spec.en.replace(/[\u3400-\u9fff]+〔\d+〕\d+号/g, ''))) problems.push(`${code}: en with Chinese`);
  }
  return problems;
}
