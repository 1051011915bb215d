import {
  BarChart,
  FunnelChart,
  GaugeChart,
  HeatmapChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
} from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import chinaProvinces from './china-provinces.generated.json';
import { CHINA_MAP_NAME } from './china-regions';

let ready = false;

/**
 * Registers exactly the ECharts parts Lattice draws (tree-shaken `echarts/core`), and the China provinces
 * map, once. Returns the `echarts/core` namespace to create instances with.
 */
export function setupEcharts(): typeof echarts {
  if (!ready) {
    echarts.use([
      BarChart,
      LineChart,
      PieChart,
      FunnelChart,
      HeatmapChart,
      ScatterChart,
      GaugeChart,
      MapChart,
      GridComponent,
      TooltipComponent,
      LegendComponent,
      VisualMapComponent,
      GraphicComponent,
      CanvasRenderer,
    ]);
    echarts.registerMap(
      CHINA_MAP_NAME,
      chinaProvinces as unknown as Parameters<typeof echarts.registerMap>[1],
    );
    ready = true;
  }
  return echarts;
}
