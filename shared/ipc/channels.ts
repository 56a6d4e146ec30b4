// Names of every renderer → main request and main → renderer event (shared, pure, dependency-free so the preload stays small).
// contract.ts checks at compile time that these lists and the typed contract agree.

export const METHODS = [
  'getAppInfo',
  'setWindowState',
  'confirmClose',
  'openDocument',
  'openRecent',
  'saveDocument',
  'importFile',
  'exportDocx',
  'exportReviewCopy',
  'importReviewFile',
  'writeRecovery',
  'listRecovery',
  'readRecovery',
  'discardRecovery',
  'listVersions',
  'createVersion',
  'readVersion',
  'getSettings',
  'updateSettings',
  'chooseTeamFolder',
  'listTemplates',
  'readTemplate',
  'saveTemplate',
  'deleteTemplate',
] as const;
export type Method = (typeof METHODS)[number];

export const EVENTS = ['menuCommand', 'closeRequested'] as const;
export type EventName = (typeof EVENTS)[number];

/** The IPC channel a method or event travels on. */
export const channelOf = (name: Method | EventName): string => `fzbg:${name}`;

/** The renderer-side name of an event subscription: menuCommand → onMenuCommand. */
export const eventMethodName = (e: EventName): `on${Capitalize<EventName>}` =>
  `on${e.charAt(0).toUpperCase()}${e.slice(1)}` as `on${Capitalize<EventName>}`;
