import { LitElement } from 'lit';
import { LocaleChangeEvent, localeStore } from '../state/locale-store';
import { StoreController } from './store-controller';

/**
 * A component of the app: rendered in the page's light DOM, so the one stylesheet and the page's
 * ids apply, and rendered again when the language changes.
 */
export class LocalizedElement extends LitElement {
  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
