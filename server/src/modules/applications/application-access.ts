import type { Executor } from '../../db/database';
import { deskOrg, type Actor } from '../../domain/actor';
import { notFound } from '../../domain/app-error';
import { may, type ApplicationRight, type ApplicationSubject } from '../../policies/application';
import { hasParticipated } from '../review/review-log.repository';
import { onExpertAgenda } from '../committee-work/meeting.repository';
import { findApplication } from './application.repository';

/** The application, with what the policy needs to know of the actor's part in it. */
export async function subjectFor(db: Executor, actor: Actor, id: number): Promise<ApplicationSubject | undefined> {
  const row = await findApplication(db, id);
  if (!row) return undefined;
  const participated =
    actor.kind === 'unit' || actor.kind === 'reviewer'
      ? await hasParticipated(db, row.id, deskOrg(actor).orgKind, deskOrg(actor).orgId)
      : false;
  const onAgenda = actor.kind === 'expert' ? await onExpertAgenda(db, actor.accountId, row.id) : false;
  return { row, participated, onExpertAgenda: onAgenda };
}

/**
 * The application if the actor has `right` to it; otherwise the same 404 as a missing one, so that
 * nobody learns of applications that are not theirs to see.
 */
export async function loadFor(
  db: Executor,
  actor: Actor,
  id: number,
  right: ApplicationRight,
  message = '申报不存在',
): Promise<ApplicationSubject> {
  const subject = await subjectFor(db, actor, id);
  if (!subject || !may(actor, right, subject)) throw notFound(message);
  return subject;
}
