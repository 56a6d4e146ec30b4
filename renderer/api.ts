// The renderer's typed view of window.fzbg (renderer): unwraps main's envelopes, so callers get values or an ApiError
// whose message is Chinese and ready to show. The bridge itself is the preload in Electron, a Playwright binding in e2e.
import type { EventName, Method } from '../shared/ipc/channels';
import type { Envelope, ReportApi, Requests, Responses } from '../shared/ipc/contract';

export type Bridge = { [M in Method]: (...args: Requests[M]) => Promise<Envelope<Responses[M]>> } & Pick<
  ReportApi,
  `on${Capitalize<EventName>}`
>;

declare global {
  interface Window {
    fzbg?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

function bridge(): Bridge {
  if (!window.fzbg) throw new ApiError('no-bridge', '程序未能连接到后台服务，请重新启动法治年报助手。');
  return window.fzbg;
}

export const api: ReportApi = new Proxy({} as ReportApi, {
  get(_target, prop: string) {
    if (prop.startsWith('on')) {
      return (cb: (payload: unknown) => void) => (bridge() as unknown as Record<string, (cb: unknown) => () => void>)[prop]!(cb);
    }
    return async (...args: unknown[]) => {
      const fn = (bridge() as unknown as Record<string, (...a: unknown[]) => Promise<Envelope<unknown>>>)[prop];
      if (!fn) throw new ApiError('unknown-method', '未知的请求。');
      const envelope = await fn(...args);
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return envelope.value;
    };
  },
});

/** A message fit for the user from anything thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return '操作未能完成，请重试。您的文稿未受影响。';
}
