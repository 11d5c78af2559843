/**
 * The fetch client every page uses: JSON in and out, the session cookie (same origin), and one error
 * type carrying the server's `{ error: { code, message, details } }`. A 401 sends the user to the login page.
 * Every call says the interface's language (Accept-Language), so the server's messages and the Excel
 * exports' headers come back in it.
 */
import { getLang } from './i18n.ts';

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** the offending field named by the server (`details.field`), when there is one */
  get field(): string | undefined {
    const d = this.details as { field?: unknown } | null | undefined;
    return typeof d?.field === 'string' ? d.field : undefined;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x`, leaving out empty values; '' when nothing is left */
export function toQueryString(params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

let onUnauthenticated: () => void = () => {
  const next = window.location.pathname + window.location.search;
  if (window.location.pathname !== '/login') window.location.assign(`/login?next=${encodeURIComponent(next)}`);
};

/** the shell may replace the default 401 behaviour (a full-page redirect to /login) */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: ApiErrorBody = { code: 'HTTP_' + res.status, message: res.statusText || `HTTP ${res.status}` };
  try {
    const json = (await res.json()) as { error?: ApiErrorBody };
    if (json?.error?.code) body = json.error;
  } catch {
    // not JSON (a proxy error page, say): keep the status text
  }
  return new ApiError(res.status, body);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  /** on the login call a 401 means "wrong password", not "session expired" */
  isAuthCall?: boolean;
  signal?: AbortSignal;
}

/** the interface's language as an Accept-Language value: what the server answers in */
export function acceptLanguage(): string {
  return getLang() === 'en' ? 'en' : 'zh-CN';
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path + toQueryString(options.query), {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 401 && !options.isAuthCall) onUnauthenticated();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => apiFetch<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => apiFetch<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => apiFetch<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiFetch<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiFetch<T>(path, { method: 'DELETE' }),
};

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** downloads a file (an .xlsx export, a template) and saves it under the server's file name */
export async function downloadFile(path: string, query?: QueryParams, fallbackName = 'download.xlsx'): Promise<void> {
  const res = await fetch(path + toQueryString(query), { credentials: 'same-origin', headers: { 'accept-language': acceptLanguage() } });
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 401) onUnauthenticated();
    throw error;
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface UploadCallbacks {
  /** 0…1 of the bytes sent */
  onProgress?: (share: number) => void;
  /** every byte is sent; the server is now reading the file */
  onUploaded?: () => void;
}

/** multipart upload through XMLHttpRequest, which (unlike fetch) reports upload progress */
export function uploadFile<T>(path: string, file: File, callbacks: UploadCallbacks = {}, field = 'file'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', acceptLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) callbacks.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => callbacks.onUploaded?.();
    xhr.onerror = () => reject(new ApiError(0, { code: 'NETWORK', message: getLang() === 'en' ? 'Network error: the upload failed' : '网络错误，上传失败' }));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as T);
      const body = (json as { error?: ApiErrorBody } | null)?.error ?? { code: 'HTTP_' + xhr.status, message: xhr.statusText || `HTTP ${xhr.status}` };
      if (xhr.status === 401) onUnauthenticated();
      reject(new ApiError(xhr.status, body));
    };
    const form = new FormData();
    form.append(field, file);
    xhr.send(form);
  });
}

/** the message to show for any error: the server's (in the language the call asked for), or the JS error's */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
