import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  committeeWorkContract as office,
  confirmationContract as confirmations,
  expertContract as expert,
  publicNoticeContract as publicNotices,
  testClockContract,
} from '#common';
import { ShiftableClock, type Clock } from '../../clock';
import type { Config } from '../../config';
import { signedIn } from '../../http/actor-scope';
import { route } from '../../http/contract-route';
import { notFound } from '../../domain/app-error';
import type { BallotService } from './ballot.service';
import type { ConfirmationService } from './confirmation.service';
import type { ExpertService } from './expert.service';
import type { MeetingService } from './meeting.service';
import type { MeetingVoteService } from './meeting-vote.service';
import type { PublicNoticeService } from './public-notice.service';
import type { ObjectionService } from './objection.service';

export interface CommitteeWorkServices {
  experts: ExpertService;
  meetings: MeetingService;
  meetingVotes: MeetingVoteService;
  ballots: BallotService;
  notices: PublicNoticeService;
  objections: ObjectionService;
  confirmations: ConfirmationService;
}

const ok = { ok: true as const };
const ids = (list: string[]) => list.map(Number);

/** The committee office's work, the experts' ballot, the bureau's 确认 and the public 公示. */
export const committeeWorkRoutes =
  (deps: { committeeWork: CommitteeWorkServices; config: Config; clock: Clock }): FastifyPluginAsyncZod =>
  async (app) => {
    const {
      experts,
      meetings,
      meetingVotes,
      ballots,
      notices,
      objections,
      confirmations: confirming,
    } = deps.committeeWork;

    // Reviewers only; the services then admit a committee office (or, for 确认, an HR bureau) alone.
    await app.register(
      signedIn(['reviewer'], (scope, actorOf) => {
        route(scope, office.unitSearch, async (request) =>
          experts.unitOptions(await actorOf(request), request.query.keyword),
        );
        route(scope, office.supervisors, async (request) => experts.supervisorOptions(await actorOf(request)));
        route(scope, office.experts, async (request) => experts.list(await actorOf(request), request.query));
        route(scope, office.createExpert, async (request) => experts.create(await actorOf(request), request.body));
        route(scope, office.updateExpert, async (request) => {
          await experts.update(await actorOf(request), Number(request.params.id), request.body);
          return ok;
        });
        route(scope, office.expertStatus, async (request) => {
          await experts.setStatus(await actorOf(request), Number(request.params.id), request.body.status);
          return ok;
        });
        route(scope, office.resetExpertPassword, async (request) => ({
          temporaryPassword: await experts.resetPassword(await actorOf(request), Number(request.params.id)),
        }));

        route(scope, office.meetings, async (request) => meetings.list(await actorOf(request)));
        route(scope, office.createMeeting, async (request) => ({
          id: String(await meetings.create(await actorOf(request), request.body)),
        }));
        route(scope, office.meeting, async (request) =>
          meetings.detail(await actorOf(request), Number(request.params.id)),
        );
        route(scope, office.meetingCandidates, async (request) => meetings.candidates(await actorOf(request)));
        route(scope, office.addAgenda, async (request) => {
          await meetings.addAgenda(await actorOf(request), Number(request.params.id), ids(request.body.applicationIds));
          return ok;
        });
        route(scope, office.removeAgenda, async (request) => {
          await meetings.removeAgenda(
            await actorOf(request),
            Number(request.params.id),
            Number(request.params.applicationId),
          );
          return ok;
        });
        route(scope, office.draw, async (request) =>
          meetingVotes.draw(await actorOf(request), Number(request.params.id)),
        );
        route(scope, office.attendance, async (request) =>
          meetingVotes.attendance(
            await actorOf(request),
            Number(request.params.id),
            ids(request.body.presentExpertIds),
          ),
        );
        route(scope, office.openVote, async (request) =>
          meetingVotes.open(await actorOf(request), Number(request.params.id)),
        );
        route(scope, office.closeVote, async (request) =>
          meetingVotes.close(await actorOf(request), Number(request.params.id)),
        );

        route(scope, office.noticeCandidates, async (request) => notices.candidates(await actorOf(request)));
        route(scope, office.notices, async (request) => notices.list(await actorOf(request)));
        route(scope, office.publishNotice, async (request) => ({
          id: String(
            await notices.publish(await actorOf(request), {
              title: request.body.title,
              applicationIds: ids(request.body.applicationIds),
            }),
          ),
        }));
        route(scope, office.notice, async (request) =>
          notices.detail(await actorOf(request), Number(request.params.id)),
        );
        route(scope, office.answerObjection, async (request) => {
          await notices.answer(await actorOf(request), Number(request.params.id), request.body);
          return ok;
        });
        route(scope, office.closeNotice, async (request) => {
          await notices.close(await actorOf(request), Number(request.params.id));
          return ok;
        });

        route(scope, confirmations.list, async (request) => confirming.list(await actorOf(request)));
        route(scope, confirmations.confirm, async (request) =>
          confirming.confirm(await actorOf(request), {
            applicationIds: ids(request.body.applicationIds),
            documentNumber: request.body.documentNumber,
            qualifiedOn: request.body.qualifiedOn,
          }),
        );
      }),
    );

    await app.register(
      signedIn(['expert'], (scope, actorOf) => {
        route(scope, expert.meetings, async (request) => ballots.meetings(await actorOf(request)));
        route(scope, expert.meeting, async (request) =>
          ballots.meeting(await actorOf(request), Number(request.params.id)),
        );
        route(scope, expert.ballot, async (request) =>
          ballots.cast(
            await actorOf(request),
            Number(request.params.id),
            Number(request.body.applicationId),
            request.body.choice,
          ),
        );
      }),
    );

    // The public 公示: no login. Objections pass an image captcha and the captcha's rate limit.
    const publicLimit = { config: { rateLimit: { max: deps.config.rateLimits.captcha, timeWindow: 60_000 } } };
    route(app, publicNotices.list, async () => objections.publicList());
    route(app, publicNotices.notice, async (request) => objections.publicNotice(Number(request.params.id)));
    route(
      app,
      publicNotices.objection,
      async (request) =>
        objections.object(
          Number(request.params.id),
          { ...request.body, entryId: Number(request.body.entryId) },
          request.ip,
        ),
      publicLimit,
    );

    // Answers only a test server (TEST_CLOCK_CONTROL, refused in production); elsewhere it is not there.
    const { clock } = deps;
    route(app, testClockContract.advance, async (request) => {
      if (!deps.config.testClockControl || !(clock instanceof ShiftableClock)) throw notFound('接口不存在');
      clock.advanceDays(request.body.advanceDays);
      return { now: clock.now().toISOString() };
    });
  };
