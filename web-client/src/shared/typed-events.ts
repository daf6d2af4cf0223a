/**
 * An `EventTarget` whose listeners for its change event `T` receive the typed event `E`, so a
 * store's subscribers read `event.previous` without a cast.
 */
export class TypedEventTarget<T extends string, E extends Event> extends EventTarget {}

export interface TypedEventTarget<T extends string, E extends Event> {
  addEventListener(type: T, listener: (event: E) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener(type: T, listener: (event: E) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}
