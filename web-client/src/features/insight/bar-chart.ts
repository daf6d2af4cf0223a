/**
 * The needs bar chart, drawn by Chart.js on a <canvas>. Kept behind a small function type so the
 * page can be tested without a canvas (jsdom has none) and the library loads only on this page.
 *
 * CSP (`style-src 'self'`): Chart.js 4 injects no <style> element and sets no `style` attribute
 * through markup or setAttribute. It writes a few canvas size properties through the CSSOM
 * (`canvas.style.width = …`), which CSP does not govern. `responsive: false` keeps it from
 * installing its resize machinery; the page gives the canvas explicit width/height attributes.
 */
export interface BarChartData {
  /** The dataset's name (for the tooltip). */
  label: string;
  labels: string[];
  values: number[];
}

export interface BarChartHandle {
  destroy(): void;
}

export type BarChartRenderer = (canvas: HTMLCanvasElement, data: BarChartData) => Promise<BarChartHandle | null>;

/** Draws a horizontal bar chart; resolves null when the canvas has no 2D context. */
export const chartJsRenderer: BarChartRenderer = async (canvas, data) => {
  const context = canvas.getContext('2d');
  if (!context) return null;
  const { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } = await import('chart.js');
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
  return new Chart(context, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ label: data.label, data: data.values, backgroundColor: '#1d5c63', borderRadius: 4, maxBarThickness: 28 }],
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      events: ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'],
      plugins: { legend: { display: false } },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0, color: '#1f2a2e' } },
        y: { ticks: { color: '#1f2a2e', font: { size: 14 } } },
      },
    },
  });
};
