// The throughput chart (uPlot: small and fast, canvas-based). Records per second over time, from the job's
// progress samples; updated in place (setData), never re-created on an update.
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { Sample, throughputSeries } from "../rate";

export function ThroughputChart({ samples, version }: { samples: Sample[]; version: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = throughputSeries(samples);

  useEffect(() => {
    const el = box.current!;
    const width = () => Math.max(240, el.clientWidth);
    plot.current = new uPlot(
      {
        width: width(),
        height: 160,
        legend: { show: false },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [{ stroke: "#444" }, { stroke: "#444", label: "records/s", size: 60 }],
        series: [{}, { label: "records/s", stroke: "#1d5fbf", fill: "rgba(29,95,191,0.12)", width: 2 }],
      },
      [data[0], data[1]],
      el,
    );
    const ro = new ResizeObserver(() => plot.current?.setSize({ width: width(), height: 160 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);
  // Redrawn at most twice a second (the series has one point per second anyway).
  const lastDraw = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(data);
  latest.current = data;
  useEffect(() => {
    if (pending.current) return;
    const draw = () => {
      pending.current = null;
      lastDraw.current = Date.now();
      plot.current?.setData([latest.current[0], latest.current[1]]);
    };
    pending.current = setTimeout(draw, Math.max(0, 500 - (Date.now() - lastDraw.current)));
  }, [version]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  const last = data[1].length ? data[1][data[1].length - 1] : null;
  return (
    <figure class="chart">
      <div ref={box} role="img" aria-label={`Throughput over time${last != null ? `, latest ${Math.round(last)} records per second` : ""}`} />
      <figcaption class="muted small">
        {data[0].length ? "Records per second (as seen by this page)" : "The chart fills while this page watches the job run."}
      </figcaption>
    </figure>
  );
}
