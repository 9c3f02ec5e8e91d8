/**
 * The report's charts, drawn by Apache ECharts on the server side as SVG: the same picture on the
 * screen (as an image) and in the PDF. No animation, fixed sizes, the desk's palette.
 */
import { msg } from '../../shared/i18n';
import * as echarts from 'echarts';
import type { Figures } from './figures';

const palette = ['#0b5cad', '#7aa6d6', '#1e7b34', '#b3261e', '#e0a100', '#5b6675'];
const font = { fontFamily: 'DejaVu Sans, Arial, sans-serif', fontSize: 11 };

function draw(option: echarts.EChartsCoreOption, width = 640, height = 260): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, color: palette, textStyle: font, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A category label cut with an ellipsis to the room left of the bars. */
const label = (width: number) => ({ width, overflow: 'truncate' as const, ellipsis: '…' });

const top = (counts: Record<string, number>, n: number) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .reverse();

type Names = { channel: (code: string) => string; agency: (code: string) => string };
const r = (key: string) => msg(`print.report.${key}`);
const stages = ['verify', 'followUp', 'answer'] as const;
const stageNames = () => ({ verify: r('stage.verify'), followUp: r('stage.followUp'), answer: r('stage.answer') });
const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * The charts of the period alone (the report draws them while the period before is still being
 * counted on its thread).
 */
export function periodCharts(current: Figures, names: Names) {
  const stageName = stageNames();
  const channels = top(current.byChannel, 8);
  const agencies = top(current.byAgency, 10);
  // The ten agencies with the most judged answers, their own follow-up and the answer kept (%).
  const judgedAgencies = Object.entries(current.complianceByAgency)
    .sort((a, b) => b[1].answer.judged - a[1].answer.judged || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .reverse();
  const kept = (s: { judged: number; kept: number }) => (s.judged ? percent(s.kept / s.judged) : null);
  return {
    intake: draw({
      title: { text: r(current.series.unit === 'week' ? 'chart.perWeek' : 'chart.perDay'), textStyle: font },
      grid: { left: 40, right: 16, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: current.series.points.map((p) => p.start.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: current.series.points.map((p) => p.count) }],
    }),
    channels: draw(
      {
        title: { text: r('sheet.channel'), textStyle: font },
        grid: { left: 180, right: 24, top: 36, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: channels.map(([c]) => names.channel(c)), axisLabel: label(150) },
        series: [{ type: 'bar', data: channels.map(([, n]) => n), label: { show: true, position: 'right' } }],
      },
      640,
      60 + channels.length * 26,
    ),
    agencies: draw(
      {
        title: { text: r('chart.agencies'), textStyle: font },
        grid: { left: 230, right: 24, top: 36, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: agencies.map(([c]) => names.agency(c)), axisLabel: label(195) },
        series: [{ type: 'bar', data: agencies.map(([, n]) => n), label: { show: true, position: 'right' } }],
      },
      640,
      60 + agencies.length * 26,
    ),
    agencyCompliance: draw(
      {
        title: {
          text: r('chart.agencyCompliance'),
          textStyle: font,
          ...(judgedAgencies.length ? {} : { subtext: r('chart.noneJudged') }),
        },
        legend: { bottom: 0, itemGap: 40, data: [stageName.followUp, stageName.answer] },
        grid: { left: 230, right: 40, top: 40, bottom: 44 },
        xAxis: { type: 'value', max: 100 },
        yAxis: { type: 'category', data: judgedAgencies.map(([c]) => names.agency(c)), axisLabel: label(195) },
        series: [
          {
            name: stageName.followUp,
            type: 'bar',
            data: judgedAgencies.map(([, a]) => kept(a.followUp)),
            label: { show: true, position: 'right' },
          },
          {
            name: stageName.answer,
            type: 'bar',
            data: judgedAgencies.map(([, a]) => kept(a.answer)),
            label: { show: true, position: 'right' },
          },
        ],
      },
      640,
      110 + judgedAgencies.length * 40,
    ),
  };
}

/** Time limits kept, per stage, beside the period before. */
export function complianceChart(current: Figures, before: Figures) {
  const stageName = stageNames();
  return draw({
      title: { text: r('chart.compliance'), textStyle: font },
      legend: { top: 0, right: 40, itemGap: 40, data: [r('current'), r('before')] },
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: stages.map((s) => stageName[s]) },
      yAxis: { type: 'value', max: 100 },
      series: [
        { name: r('current'), type: 'bar', data: stages.map((s) => percent(current.compliance[s].share)) },
        { name: r('before'), type: 'bar', data: stages.map((s) => percent(before.compliance[s].share)) },
      ],
    });
}
