import type { EChartsOption } from 'echarts';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

/** The product's chart colours: the theme's blue first, then distinct hues that pass contrast on white. */
export const CHART_COLOURS = ['#1554ad', '#ad6800', '#237804', '#c41d1f', '#6b3fa0', '#00707a', '#8c8c8c'];

interface Props {
  option: EChartsOption;
  height?: number;
  /** What the chart shows, for screen readers (the data is also in a table next to it). */
  label: string;
}

/**
 * An ECharts chart (only the chart types the app uses are bundled; pages that chart load lazily).
 * ECharts' aria module describes the data to screen readers as well; people who ask their system
 * for less motion get no animation.
 */
export function Chart({ option, height = 280, label }: Props) {
  const reduceMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={{
          color: CHART_COLOURS,
          aria: { enabled: true },
          animation: !reduceMotion,
          animationDuration: 300,
          ...option,
        }}
        style={{ height }}
        notMerge
      />
    </div>
  );
}
