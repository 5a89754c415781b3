/** The outcomes feature's public face: metrics, goals, reports and their verification, reported facts, the rollup. */
export { checkFigures, type FigureInput, readFigureFields } from './figures.ts'
export { type FigureAgainstGoal, FiguresTable } from './figures-table.views.tsx'
export {
  type GoalsAgainstFigures,
  goalsAgainstFigures,
  NoFigure,
  OfGoal,
  shareOfGoal,
} from './goal-share.tsx'
export { currentGoals, type GoalVersion, goalHistory, setGoals } from './goals.ts'
export { listMetrics, type Metric } from './metrics.ts'
export { addMetric, editMetric, METRIC_KEY, type MetricFields, retireMetric } from './metrics-commands.ts'
export { outcomeRoutes } from './outcomes.routes.tsx'
export { checkPeriod, type OutcomePeriod, periodLabel, yearPeriod } from './periods.ts'
export {
  countReportsByStatus,
  listReports,
  loadReport,
  type ReportDetail,
  type ReportSummary,
} from './report-queries.ts'
export {
  correctReport,
  type OutcomesBy,
  type ReportDraft,
  returnReport,
  saveReportDraft,
  submitReport,
  verifyReport,
} from './report-workflow.ts'
export {
  factValueText,
  listFacts,
  type ReportedFact,
  type ReportedFactInput,
  recordFact,
  removeFact,
} from './reported-facts.ts'
export {
  exact,
  type GroupFigures,
  type MetricTotal,
  type OrganizationFigures,
  type Rollup,
  rollupOutcomes,
} from './rollup.ts'
