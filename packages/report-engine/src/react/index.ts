/** React chart components (ECharts). */
export const CHARTS_VERSION = '0.1.0';
