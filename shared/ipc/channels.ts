// The transport's names (shared, pure, no runtime imports so the preload stays tiny): the IPC channel of every
// contract method and event, and the renderer-side name of an event subscription. The methods and events themselves
// are declared once, in contract.ts (METHODS and EVENTS are derived there).
import type { EventName, Method } from './contract';

export type { EventName, Method } from './contract';

/** The IPC channel a method or event travels on. */
export const channelOf = (name: Method | EventName): string => `fzbg:${name}`;

/** The renderer-side name of an event subscription: menuCommand → onMenuCommand. */
export const eventMethodName = (e: EventName): `on${Capitalize<EventName>}` =>
  `on${e.charAt(0).toUpperCase()}${e.slice(1)}` as `on${Capitalize<EventName>}`;
