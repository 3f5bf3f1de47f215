import { Skeleton } from "antd";
import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useRef, useState } from "react";

type Echarts = typeof import("./echarts-setup")["echarts"];
type Instance = ReturnType<Echarts["init"]>;
/** What a click on a bar, point or cell names: its series and its index in the data. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

let loading: Promise<Echarts> | null = null;
const loadEcharts = () => {
  loading ??= import("./echarts-setup").then((m) => m.echarts);
  return loading;
};

/**
 * One ECharts chart. The instance is kept on its element as `chart`: the canvas holds no elements
 * a browser test could find, so the test asks the chart where a bar lies and clicks there.
 */
export function EChart({
  option,
  onClick,
  height = 280,
  testId,
}: {
  option: EChartsCoreOption;
  onClick?: (click: ChartClick) => void;
  height?: number;
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Instance | null>(null);

  useEffect(() => {
    let instance: Instance | null = null;
    let observer: ResizeObserver | null = null;
    let gone = false;
    void loadEcharts().then((echarts) => {
      if (gone || !element.current) return;
      instance = echarts.init(element.current);
      Object.assign(element.current, { chart: instance });
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(element.current);
      setChart(instance);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    const el = element.current;
    if (!chart || !el) return;
    // `drawn` once the animation has settled: where a bar lies is then where it stays.
    el.dataset.drawn = "false";
    const finished = () => {
      el.dataset.drawn = "true";
    };
    chart.on("finished", finished);
    chart.setOption(option, { notMerge: true });
    return () => void chart.off("finished", finished);
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !onClick) return;
    const handler = (p: { seriesIndex?: number; dataIndex: number }) =>
      onClick({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex });
    chart.on("click", handler as never);
    return () => void chart.off("click", handler as never);
  }, [chart, onClick]);

  return (
    <div style={{ position: "relative", height }}>
      {!chart && <Skeleton active style={{ position: "absolute" }} />}
      <div ref={element} data-testid={testId} style={{ height, cursor: "pointer" }} />
    </div>
  );
}
