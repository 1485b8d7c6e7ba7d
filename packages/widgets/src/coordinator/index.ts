export {CptsCoordinatorSignIn} from './coordinator-sign-in.js';
export {CoordinatorSession, type CoordinatorSessionHost, type CoordinatorSessionOptions} from './session.js';
export {
  CoordinatorSessionStore,
  coordinatorSessionContext,
  isRefusal,
  verifyCoordinator,
  type SessionStatus,
  type SignInProblem,
  type SessionMember,
} from './session-store.js';
export {CoordinatorEditor} from './editor-base.js';
export {renderTextField, renderSelectField, renderCheckboxField, describedBy, type Choice, type FieldFrame} from './fields.js';
export {renderActionMenu, type MenuAction, type ActionMenuOptions} from './action-menu.js';
export {renderSignInForm, type SignInFormOptions} from './sign-in-form.js';
export {coordinatorStrings, type CoordinatorStrings} from './coordinator-strings.js';
export {coordinatorStyles, sessionStyles} from './coordinator.styles.js';
export {normalizeText as normalizeSearchText, matchesEveryWord} from './search.js';
export {downloadFile} from './download.js';
export {csvCell, toCsv} from './csv.js';
export {isStale} from './conflict.js';
