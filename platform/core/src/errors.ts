/**
 * One error type for the whole platform. Each code has a zh-CN message and an HTTP status;
 * the server renders every AppError as `{ error: { code, message, details } }`.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, message: '请求参数有误' },
  UNAUTHENTICATED: { status: 401, message: '未登录或会话已过期，请重新登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  LOGIN_RATE_LIMITED: { status: 429, message: '登录尝试过于频繁，请稍后再试' },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  FORBIDDEN_REGION: { status: 403, message: '无权访问该地区的数据' },
  NOT_FOUND: { status: 404, message: '资源不存在' },
  CONFLICT: { status: 409, message: '数据已存在' },
  PASSWORD_WEAK: { status: 400, message: '新密码至少 8 位' },
  PASSWORD_WRONG: { status: 400, message: '当前密码不正确' },
  REGION_UNKNOWN: { status: 400, message: '地区代码不存在' },
  INDICATOR_UNKNOWN: { status: 400, message: '指标不存在' },
  PLAN_UNKNOWN: { status: 404, message: '规划不存在' },
  PERIOD_INVALID: { status: 400, message: '期间格式有误，应为 2023、2023Q2 或 2023-05' },
  IMPORT_INVALID: { status: 422, message: '导入文件有错误，未导入任何数据' },
  IMPORT_EMPTY: { status: 422, message: '文件中没有数据行' },
  IMPORT_UNREADABLE: { status: 415, message: '无法读取该文件，请上传 .xlsx 或 .csv 文件' },
  IMPORT_TOO_LARGE: { status: 413, message: '文件过大' },
  IMPORT_HEADER: { status: 422, message: '表头有误' },
  INTERNAL: { status: 500, message: '服务器内部错误' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly status: number;

  constructor(code: ErrorCode, options: { message?: string; details?: unknown } = {}) {
    super(options.message ?? ERROR_CODES[code].message);
    this.code = code;
    this.details = options.details;
    this.status = ERROR_CODES[code].status;
  }
}
