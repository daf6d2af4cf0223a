import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders a Lit host whenever `target` dispatches an event of `type`. */
export class StoreController implements ReactiveController {
  private readonly onChange = (): void => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: EventTarget,
    private readonly type: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.target.addEventListener(this.type, this.onChange);
  }

  hostDisconnected(): void {
    this.target.removeEventListener(this.type, this.onChange);
  }
}
