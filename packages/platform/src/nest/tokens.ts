/** Injection tokens for the platform's ports (interfaces have no runtime identity in TypeScript). */
export const DB = Symbol('Db');
export const CACHE = Symbol('Cache');
export const EVENT_BUS = Symbol('EventBus');
export const LOGGER = Symbol('Logger');
