/** The slice of an ECharts instance PNG export needs (keeps this helper testable without a canvas). */
export interface PngExportable {
  getDataURL(opts: { type: 'png'; pixelRatio?: number; backgroundColor?: string }): string;
}

/**
 * A chart as a PNG data URL (2× pixel ratio, white background so it reads in documents). When `fileName`
 * is given and a DOM is present, also downloads it.
 */
export function exportChartPng(chart: PngExportable, fileName?: string): string {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  if (fileName && typeof document !== 'undefined') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName.endsWith('.png') ? fileName : `${fileName}.png`;
    a.click();
  }
  return url;
}
