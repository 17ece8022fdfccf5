import type { UnitNode, UnitTree } from '../kb/unit-tree.ts';
import type { User, UserRole } from '../kb/users-repo.ts';
import { MESSAGES } from '../reply/messages.ts';
import { findResponsibleTasks, type MentionSource } from './responsibility.ts';

/**
 * Who may do what, bounded by the organisation tree. This is the one place that decides it: the chat handlers,
 * the CLI and the web console all call `authorize` and write nothing when it refuses.
 *
 * A person's rights come from their registered unit and role, and reach either
 * - `own_unit`: that unit only, or
 * - `organisation`: the organisation the unit belongs to and every unit under it — a phòng's Sở (an admin of a
 *   phòng of Sở Nội vụ acts on all of Sở Nội vụ), or the whole province for someone registered at the province
 *   body itself (the root of the tree, "UBND tỉnh …"; Văn phòng UBND tỉnh is one agency among others).
 * On top of the reach: the actor must be registered and approved, nobody grants a role above their own, and
 * nobody acts on a person whose role is above their own.
 *
 * The operator (the CLI, run with shell access to the database file on the server) has every right — whoever
 * holds the file could change it anyway — but still comes through here, so the facts hold for everyone: a report
 * goes to a specific unit that is responsible for the task.
 */
export type Actor = { kind: 'operator' } | { kind: 'user'; user: User };

export interface TaskKey {
  id: string;
  planId: string;
  /** As typed: "VI.4" (for the hint on how to report on behalf). */
  number: string;
}

/** Each action with its target: a person for registration management, a unit (and a task) for the rest. */
export type RightsAction =
  | { kind: 'list_pending' }
  | { kind: 'approve'; target: User }
  | { kind: 'set_role'; target: User; role: UserRole }
  | { kind: 'revoke'; target: User }
  | { kind: 'report'; unit: UnitNode; task: TaskKey }
  | { kind: 'remind_unit'; unit: UnitNode }
  | { kind: 'view_unit'; unit: UnitNode }
  /** The period report of a unit, or of a whole organisation (`unit` is then the organisation); null: unregistered. */
  | { kind: 'export_report'; unit: UnitNode | null }
  /** The web console (/admin): `unit` is the person's own unit (null: unregistered); the reach is what it shows. */
  | { kind: 'open_console'; unit: UnitNode | null }
  /** A plan imported through the console, issued by `unit` (the organisation it is filed under). */
  | { kind: 'import_plan'; unit: UnitNode };

/** The closed set of actions; `REACH` below must give every role a reach for each (the compiler checks). */
export type RightsActionKind = RightsAction['kind'];

/** What the decision reads: the tree, and who is named on which task (`Knowledge` provides both). */
export interface RightsContext {
  tree: UnitTree;
  mentions: MentionSource;
}

export const REFUSALS = [
  'not_registered',
  'not_approved',
  'no_right',
  'grant_above',
  'target_above',
  'target_unregistered',
  'outside',
  'collective',
  'not_responsible',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** `reason` is the Vietnamese sentence for the person; `code` is for callers that branch on it. */
export type Decision = { ok: true } | { ok: false; code: Refusal; reason: string };
type Refused = Extract<Decision, { ok: false }>;

type Reach = 'none' | 'own_unit' | 'organisation';
const MANAGE_USERS: Record<UserRole, Reach> = { staff: 'none', lead: 'own_unit', admin: 'organisation' };

/** The rule as data: how far each role reaches for each action. */
export const REACH: Record<RightsActionKind, Record<UserRole, Reach>> = {
  list_pending: MANAGE_USERS,
  approve: MANAGE_USERS,
  set_role: MANAGE_USERS,
  revoke: MANAGE_USERS,
  report: { staff: 'own_unit', lead: 'own_unit', admin: 'organisation' },
  // A lead's chase list shows every unit of their organisation, and a reminder changes nobody's data or rights.
  remind_unit: { staff: 'none', lead: 'organisation', admin: 'organisation' },
  view_unit: { staff: 'own_unit', lead: 'organisation', admin: 'organisation' },
  // A lead exports their own unit's report, an admin the whole organisation's: the reach is also the report's scope.
  export_report: { staff: 'none', lead: 'own_unit', admin: 'organisation' },
  // The console shows a lead their unit and an admin their organisation: the reach is the console's scope. A lead
  // only reads there (plans and people): the console's guard (adapters/console/) refuses them every change.
  open_console: { staff: 'none', lead: 'own_unit', admin: 'organisation' },
  import_plan: { staff: 'none', lead: 'none', admin: 'organisation' },
};

const RANK: Record<UserRole, number> = { staff: 0, lead: 1, admin: 2 };

export function authorize(actor: Actor, action: RightsAction, ctx: RightsContext): Decision {
  const refused =
    (actor.kind === 'user' ? checkRights(actor.user, action, ctx.tree) : null) ??
    checkFacts(actor, action, ctx);
  return refused ?? { ok: true };
}

function checkRights(user: User, action: RightsAction, tree: UnitTree): Refused | null {
  // The role first: telling staff to register or wait for approval would suggest that then they could.
  const reach = REACH[action.kind][user.role];
  if (reach === 'none') return refuse(action, 'no_right', noRightText(action));
  const own = user.unitId === null ? undefined : tree.get(user.unitId);
  if (!own) return refuse(action, 'not_registered', notRegisteredText(action));
  if (!user.approved) return refuse(action, 'not_approved', notApprovedText(action));
  return checkRoles(user, action) ?? checkReach(own, reach, action, tree);
}

/** Nobody grants a role above their own, nor changes a person who outranks them. */
function checkRoles(user: User, action: RightsAction): Refused | null {
  if (action.kind === 'set_role' && RANK[action.role] > RANK[user.role])
    return refuse(action, 'grant_above', MESSAGES.rights.grantAbove(user.role, action.role));
  const target = targetOf(action);
  if (target && RANK[target.role] > RANK[user.role])
    return refuse(action, 'target_above', MESSAGES.rights.targetAbove(target.id, target.role, user.role));
  return null;
}

function checkReach(own: UnitNode, reach: Reach, action: RightsAction, tree: UnitTree): Refused | null {
  const target = targetOf(action);
  const subject = target ? (target.unitId === null ? undefined : tree.get(target.unitId)) : unitOf(action);
  if (target && !subject)
    return refuse(action, 'target_unregistered', MESSAGES.rights.targetUnregistered(target.id));
  // The approval queue names nobody: it is filtered person by person with `approve`.
  if (!subject) return null;
  const realm = reach === 'own_unit' ? own : (tree.orgOf(own.id) ?? own);
  const inside =
    reach === 'own_unit' ? subject.id === own.id : tree.lineage(subject.id).some((u) => u.id === realm.id);
  if (inside) return null;
  const place = placeName(tree, subject);
  const what = target ? MESSAGES.rights.userSubject(target.id, place) : place;
  const realmText = MESSAGES.rights.realm(realm.name, reach === 'organisation');
  return refuse(
    action,
    'outside',
    MESSAGES.rights.outside(MESSAGES.rights.verbs[action.kind], realmText, what),
  );
}

/** True for everyone, the operator included: reports go to one specific unit responsible for the task. */
function checkFacts(actor: Actor, action: RightsAction, ctx: RightsContext): Refused | null {
  if (action.kind !== 'report') return null;
  const { unit, task } = action;
  if (unit.kind === 'collective') return refuse(action, 'collective', MESSAGES.rights.collective(unit.name));
  const responsible = findResponsibleTasks(ctx.mentions, ctx.tree, unit.id, [task.planId], 'both').some(
    (t) => t.taskId === task.id,
  );
  if (responsible) return null;
  // Someone who may report for other units and named none is told how to.
  const couldReportOnBehalf =
    actor.kind === 'user' &&
    actor.user.unitId === unit.id &&
    REACH.report[actor.user.role] === 'organisation';
  const reason = MESSAGES.report.notResponsible(unit.name);
  return {
    ok: false,
    code: 'not_responsible',
    reason: couldReportOnBehalf ? `${reason} ${MESSAGES.rights.onBehalfHint(task.number)}` : reason,
  };
}

function targetOf(action: RightsAction): User | null {
  return action.kind === 'approve' || action.kind === 'set_role' || action.kind === 'revoke'
    ? action.target
    : null;
}

function unitOf(action: RightsAction): UnitNode | undefined {
  return action.kind === 'report' ||
    action.kind === 'remind_unit' ||
    action.kind === 'view_unit' ||
    action.kind === 'export_report' ||
    action.kind === 'open_console' ||
    action.kind === 'import_plan'
    ? (action.unit ?? undefined)
    : undefined;
}

/** "Văn phòng Sở, Sở Xây dựng": a unit's name is only unique with its organisation. */
export function placeName(tree: UnitTree, unit: UnitNode): string {
  const org = tree.orgOf(unit.id);
  return org && org.id !== unit.id ? `${unit.name}, ${org.name}` : unit.name;
}

function refuse(action: RightsAction, code: Refusal, reason: string): Refused {
  const after = nothingDone(action);
  return { ok: false, code, reason: after && !reason.endsWith(after) ? `${reason} ${after}` : reason };
}

/** Every refusal ends by saying what did not happen. */
function nothingDone(action: RightsAction): string {
  switch (action.kind) {
    case 'approve':
    case 'set_role':
    case 'revoke':
      return MESSAGES.rights.nothingChanged;
    case 'report':
      return MESSAGES.report.nothingWritten;
    case 'import_plan':
      return MESSAGES.consoleLogin.nothingImported;
    case 'list_pending':
    case 'remind_unit':
    case 'view_unit':
    case 'export_report':
    case 'open_console':
      return '';
    default:
      return assertNever(action);
  }
}

function notRegisteredText(action: RightsAction): string {
  return action.kind === 'report' ? MESSAGES.report.notRegistered : MESSAGES.rights.notRegistered;
}

function notApprovedText(action: RightsAction): string {
  if (action.kind === 'export_report') return MESSAGES.exportReport.notApproved;
  if (action.kind === 'open_console') return MESSAGES.consoleLogin.notApproved;
  return action.kind === 'report' ? MESSAGES.report.notApproved : MESSAGES.rights.notApproved;
}

function noRightText(action: RightsAction): string {
  switch (action.kind) {
    case 'list_pending':
    case 'approve':
    case 'set_role':
    case 'revoke':
    case 'report':
      return MESSAGES.admin.onlyAdmins;
    case 'remind_unit':
      return MESSAGES.chase.leadsOnly;
    case 'view_unit':
      return MESSAGES.rights.viewLeadsOnly;
    case 'export_report':
      return MESSAGES.exportReport.leadsOnly;
    case 'open_console':
      return MESSAGES.consoleLogin.leadsOnly;
    case 'import_plan':
      return MESSAGES.consoleLogin.importAdminsOnly;
    default:
      return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled rights action: ${JSON.stringify(value)}`);
}
