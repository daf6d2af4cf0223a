import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { INSIGHT_CSV, type InsightApi, type NeedCell, type NeedsInsight, type NeedTotal } from '../../net/insight-api';
import type { User } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { chartJsRenderer, type BarChartHandle, type BarChartRenderer } from './bar-chart';
import { type MessageKey, t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * Totals per need from the shown cells only: a suppressed cell adds nothing and marks the total
 * as partly hidden, so no suppressed count can be recovered by subtraction.
 */
export function totalsOf(cells: readonly NeedCell[]): NeedTotal[] {
  const totals = new Map<string, NeedTotal>();
  for (const cell of cells) {
    const total = totals.get(cell.need) ?? { need: cell.need, shownCases: 0, hasSuppressedCells: false };
    if (cell.suppressed || cell.cases === null) total.hasSuppressedCells = true;
    else total.shownCases += cell.cases;
    totals.set(cell.need, total);
  }
  return [...totals.values()].sort((a, b) => b.shownCases - a.shownCases);
}

/**
 * `/insights`: published cases by need × region × care level, with k-anonymity suppression
 * (a suppressed cell reads 「3件未満」, never a number; a total of shown cells says when hidden
 * combinations are left out of it, and one made only of hidden ones says so instead of 0), how many
 * published cases it aggregates, a bar chart of the totals with the
 * same data as a table, the gaps (needs without a catalog service in the area) and a CSV link.
 * A signed-in company user can narrow everything to their organization's prefecture.
 */
@customElement('yoriai-insight-page')
export class InsightPage extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<InsightApi, 'needs'>;
  @property({ attribute: false }) user: User | null = null;
  @property({ attribute: false }) chart: BarChartRenderer = chartJsRenderer;

  @state() private nearOnly = true;

  private readonly needs = new KeyedLoad<NeedsInsight>(this, () => this.api!.needs());
  private handle: BarChartHandle | null = null;
  private drawn: string | null = null;
  private drawing: Promise<void> = Promise.resolve();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.handle?.destroy();
    this.handle = null;
    this.drawn = null;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.needs.refresh(this.api ? 'needs' : null);
  }

  /** The organization's prefecture of a signed-in company user, else null. */
  private get nearPrefecture(): string | null {
    const prefecture = this.user?.role === 'company' ? this.user.organization?.prefecture : undefined;
    return prefecture ? prefecture : null;
  }

  private get filtering(): string | null {
    return this.nearOnly ? this.nearPrefecture : null;
  }

  private view(data: NeedsInsight) {
    const near = this.filtering;
    if (near === null) return { cells: data.cells, totals: data.totals, gaps: data.gaps };
    const cells = data.cells.filter((c) => c.prefecture === near);
    return { cells, totals: totalsOf(cells), gaps: data.gaps.filter((g) => g.prefecture === near) };
  }

  /** A count made of shown cells only: a bare number, or what the hidden combinations add. */
  private shownCount(total: { shownCases: number; hasSuppressedCells: boolean }, threshold: number) {
    if (!total.hasSuppressedCells) return `${total.shownCases}`;
    if (total.shownCases === 0) return html`<span class="suppressed">${t('insight.onlyHidden', { threshold })}</span>`;
    return html`${total.shownCases}<span class="partly-hidden">${t('insight.partlyHidden', { threshold })}</span>`;
  }

  protected override render() {
    const data = this.needs.result;
    const error = this.needs.error;
    const threshold = data?.threshold ?? 3;
    const view = data ? this.view(data) : null;
    const near = this.nearPrefecture;
    const size = chartSize(view?.totals.length ?? 0);
    return html`<section id="insight-page" class="card card--wide" aria-labelledby="insight-heading">
      <div class="page-head">
        <h1 id="insight-heading" class="card__title" tabindex="-1">${t('insight.title')}</h1>
        <a id="insight-csv" class="button button--secondary" href=${INSIGHT_CSV} type="text/csv" download>${t('insight.csv')}</a>
      </div>
      <p class="card__lead">${t('insight.lead', { threshold })}</p>
      ${data?.publishedCases != null
        ? html`<p id="insight-aggregated" class="insight-aggregated">${this.filtering
            // the report counts published cases nationwide only; the near view says so rather than pass it off as local
            ? t('insight.aggregatedNationwide', { count: data.publishedCases, prefecture: this.filtering })
            : t('insight.aggregated', { count: data.publishedCases })}</p>`
        : nothing}
      ${near
        ? html`<p class="insight-near">
            <button id="insight-near" type="button" class="button button--ghost" aria-pressed=${this.nearOnly ? 'true' : 'false'}
              @click=${() => (this.nearOnly = !this.nearOnly)}>${t('insight.near', { prefecture: near })}</button>
          </p>`
        : nothing}
      <p id="insight-status" class="result-total" role="status" aria-live="polite">
        ${this.filtering ? t('insight.nearHeading', { prefecture: this.filtering }) : data ? '' : error ? '' : t('common.loading')}
      </p>
      ${error ? html`<p class="alert" role="alert">${errorText(error)}</p>` : nothing}
      ${view && view.cells.length === 0 && view.totals.length === 0 ? html`<p class="hint">${t('insight.empty')}</p>` : nothing}

      <section class="entry__section" aria-labelledby="insight-totals-heading">
        <h2 id="insight-totals-heading" class="section-title">${t('insight.totals')}</h2>
        <div id="insight-chart" class="chart">
          <canvas id="insight-chart-canvas" class="chart__canvas" width=${size.width} height=${size.height}
            role="img" aria-label=${t('insight.chartLabel')}></canvas>
        </div>
        <div class="table-scroll">
          <table id="insight-totals" class="data-table">
            <caption class="visually-hidden">${t('insight.totals')}</caption>
            <thead><tr><th scope="col">${t('insight.need')}</th><th scope="col" class="num">${t('insight.cases')}</th></tr></thead>
            <tbody>
              ${(view?.totals ?? []).map(
                (total) => html`<tr class="total" data-need=${total.need}>
                  <th scope="row">${total.need}</th>
                  <td class="num">${this.shownCount(total, threshold)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section class="entry__section" aria-labelledby="insight-gaps-heading">
        <h2 id="insight-gaps-heading" class="section-title">${t('insight.gaps')}</h2>
        <p class="hint">${t('insight.gapsLead')}</p>
        <div class="table-scroll">
          <table id="insight-gaps" class="data-table">
            ${tableHead('insight.prefecture', 'insight.categories')}
            <tbody>
              ${(view?.gaps ?? []).map(
                (gap) => html`<tr class="gap" data-need=${gap.need} data-prefecture=${gap.prefecture}>
                  <th scope="row">${gap.need}</th>
                  <td>${gap.prefecture}</td>
                  <td>${gap.categories.map((c) => html`<span class="badge">${c}</span> `)}</td>
                  <td class="num">${this.shownCount(gap, threshold)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${view && view.gaps.length === 0 ? html`<p class="hint">${t('insight.noGaps')}</p>` : nothing}
      </section>

      <section class="entry__section" aria-labelledby="insight-cells-heading">
        <h2 id="insight-cells-heading" class="section-title">${t('insight.cells')}</h2>
        <div class="table-scroll">
          <table id="insight-cells" class="data-table">
            ${tableHead('insight.prefecture', 'insight.careLevel')}
            <tbody>
              ${(view?.cells ?? []).map(
                (cell) => html`<tr class="cell" data-suppressed=${cell.suppressed ? 'true' : 'false'}>
                  <th scope="row">${cell.need}</th>
                  <td>${cell.prefecture}</td>
                  <td>${cell.careLevel}</td>
                  <td class="num cell__cases">${cell.suppressed || cell.cases === null
                    ? html`<span class="suppressed">${t('insight.suppressed', { threshold })}</span>`
                    : cell.cases}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
    </section>`;
  }

  protected override updated(): void {
    const view = this.needs.result ? this.view(this.needs.result) : null;
    const canvas = this.querySelector<HTMLCanvasElement>('#insight-chart-canvas');
    if (!view || !canvas) return;
    const threshold = this.needs.result?.threshold ?? 3;
    const labels = view.totals.map((x) => !x.hasSuppressedCells ? x.need
      : x.shownCases === 0 ? `${x.need}${t('insight.onlyHiddenNote', { threshold })}`
      : `${x.need}${t('insight.partlyHidden', { threshold })}`);
    const values = view.totals.map((x) => x.shownCases);
    const key = JSON.stringify([labels, values, canvas.width, canvas.height]);
    if (key === this.drawn) return;
    this.drawn = key;
    this.drawing = this.drawing.then(async () => {
      this.handle?.destroy();
      this.handle = null;
      try {
        const handle = await this.chart(canvas, { label: t('insight.cases'), labels, values });
        if (this.drawn === key && this.isConnected) this.handle = handle;
        else handle?.destroy();
      } catch {
        // The table beside the chart shows the same data; a chart failure must not break the page.
      }
    });
  }

  /** Resolves when the chart for the current data has been drawn (for tests). */
  get chartReady(): Promise<void> {
    return this.updateComplete.then(() => this.drawing);
  }
}

function chartSize(bars: number): { width: number; height: number } {
  return { width: 720, height: Math.max(160, 56 + bars * 36) };
}

/** The column heads need · … · cases of the gap and cell tables. */
function tableHead(...middle: MessageKey[]) {
  return html`<thead>
    <tr>
      <th scope="col">${t('insight.need')}</th>
      ${middle.map((key) => html`<th scope="col">${t(key)}</th>`)}
      <th scope="col" class="num">${t('insight.cases')}</th>
    </tr>
  </thead>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-insight-page': InsightPage;
  }
}
