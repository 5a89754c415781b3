/** Admission on a date: the one rule (states.ts) and its SQL (admission-sql.ts), for every feature. */
export { admissionStateJoin, admissionStateSql, isAdmittedSql, isAdmittingKindSql } from './admission-sql.ts'
export { admissionEventsOf, admissionStateOn } from './admission-state.ts'
export {
  ADMITTED_STATES,
  type AdmissionEventRecord,
  type AdmissionStep,
  admissionSteps,
  isAdmittedDuring,
  isAdmittedOn,
  isAdmittedState,
} from './states.ts'
