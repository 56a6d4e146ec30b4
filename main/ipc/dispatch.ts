// Validates a request against the contract, calls its handler and wraps the outcome in an envelope (Node, no Electron).
// A bad payload or a failing service becomes an error envelope with a Chinese message: main never crashes on input.
import { METHODS, methods, UserFacingError, type Envelope, type Method } from '../../shared/ipc/contract';
import { DocumentFormatError } from '../../shared/model/format';
import type { Handlers } from './handlers';

export type Dispatcher = (method: string, args: unknown) => Promise<Envelope<unknown>>;

const isMethod = (m: string): m is Method => (METHODS as readonly string[]).includes(m);

export function createDispatcher(handlers: Handlers, log: (message: string, error: unknown) => void = defaultLog): Dispatcher {
  return async (method, args) => {
    if (typeof method !== 'string' || !isMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: '未知的请求。' } };
    }
    const parsed = methods[method].args.safeParse(args);
    if (!parsed.success) {
      return { ok: false, error: { code: 'bad-request', message: '请求内容无效，已拒绝处理。' } };
    }
    try {
      const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
      const value = await handler(...(parsed.data as unknown[]));
      return { ok: true, value };
    } catch (e) {
      if (e instanceof UserFacingError) return { ok: false, error: { code: e.code, message: e.message } };
      if (e instanceof DocumentFormatError) return { ok: false, error: { code: `format-${e.reason}`, message: e.message } };
      log(`request ${method} failed`, e);
      return { ok: false, error: { code: 'internal', message: '操作未能完成（程序内部错误），您的文稿未受影响。' } };
    }
  };
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}
