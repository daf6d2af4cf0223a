/** A company registered a market service; the shell opens its page. */
export class ServiceCreatedEvent extends Event {
  static readonly type = 'service-created';
  constructor(readonly serviceId: string) {
    super(ServiceCreatedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'service-created': ServiceCreatedEvent;
  }
}
