export {CptsStats} from './stats.js';
export {statsStrings, type StatsStrings} from './stats-strings.js';
export {barChart, chartLegend, type BarChartOptions, type BarSeries} from './charts/bar-chart.js';
export {dotMap, type DotMapOptions, type MapPoint} from './charts/dot-map.js';
export {niceTicks, projectPoints, classLimits, classOf} from './charts/scale.js';
export {presetPeriod, periodProblems, type Period, type PresetId} from './period.js';
