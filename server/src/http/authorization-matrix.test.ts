import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountKind } from '#common';
import { createTestContext, type Agent, type TestContext } from '../../../test/test-app';
import { adminCreates, loggedInAdmin, loggedInApplicant, loggedInReviewer, loggedInUnit } from '../../../test/fixtures';
import { loggedInExpert } from '../../../test/committee-fixtures';

/**
 * Who may call each route. Every route of the API must stand here: a new route without a line
 * fails this test until its author says who may use it.
 */
const anyone = 'public' as const;
const signedIn: AccountKind[] = ['applicant', 'unit', 'reviewer', 'admin', 'expert'];
const matrix: Record<string, typeof anyone | AccountKind[]> = {
  'GET /api/health': anyone,
  'GET /api/captcha': anyone,
  'GET /api/session': anyone,
  'POST /api/auth/login': anyone,
  'POST /api/auth/admin-login': anyone,
  'POST /api/auth/logout': anyone,
  'POST /api/auth/password-reset': anyone,
  'POST /api/sms/codes': anyone,
  'GET /api/dev/sms-outbox': anyone,
  'POST /api/units/register': anyone,
  'POST /api/applicants/register': anyone,
  'GET /api/regions': anyone,
  'GET /api/series': anyone,
  'GET /api/specialties': anyone,
  'GET /api/account/phone': signedIn,
  'POST /api/account/password': signedIn,
  'POST /api/account/phone': signedIn,
  'POST /api/auth/two-factor': anyone,
  'GET /api/account/two-factor': ['reviewer', 'admin', 'expert'],
  'POST /api/account/two-factor/setup': ['reviewer', 'admin', 'expert'],
  'POST /api/account/two-factor/confirm': ['reviewer', 'admin', 'expert'],
  'POST /api/account/two-factor/disable': ['reviewer', 'admin', 'expert'],
  'GET /api/units/me': ['unit'],
  'GET /api/units/me/info': ['unit'],
  'PUT /api/units/me/info': ['unit'],
  'POST /api/units/me/license': ['unit'],
  'GET /api/units/me/readiness': ['unit'],
  'GET /api/units/me/supervisors': ['unit'],
  'POST /api/units/me/supervisors': ['unit'],
  'POST /api/units/me/supervisors/{id}/default': ['unit'],
  'DELETE /api/units/me/supervisors/{id}': ['unit'],
  'GET /api/units/me/people': ['unit'],
  'POST /api/units/me/people/{accountId}/message': ['unit'],
  'POST /api/units/me/people/{accountId}/reset-password': ['unit'],
  'POST /api/units/me/people/{accountId}/remove': ['unit'],
  'POST /api/units/me/people/{accountId}/unlock': ['unit'],
  'GET /api/supervisors': ['unit', 'admin'],
  'GET /api/committees/open': signedIn,
  'GET /api/files/{id}': signedIn,
  'GET /api/messages/inbox': signedIn,
  'GET /api/messages/unread-count': signedIn,
  'POST /api/messages/{id}/read': signedIn,
  'GET /api/messages/sent': signedIn,
  'GET /api/applicants/me': ['applicant'],
  'PUT /api/applicants/me': ['applicant'],
  'GET /api/applicants/unit-search': ['applicant'],
  'POST /api/applicants/me/unit': ['applicant'],
  'GET /api/applicants/me/unit-readiness': ['applicant'],
  'GET /api/applications': ['applicant'],
  'POST /api/applications': ['applicant'],
  'GET /api/applications/{id}': signedIn,
  'PUT /api/applications/{id}/choices': ['applicant'],
  'PUT /api/applications/{id}/tables/{table}': ['applicant'],
  'POST /api/applications/{id}/attachments/{category}': ['applicant'],
  'DELETE /api/applications/{id}/attachments/{attachmentId}': ['applicant'],
  'GET /api/applications/{id}/attachments/{attachmentId}/file': signedIn,
  'GET /api/applications/{id}/review-log': signedIn,
  'GET /api/applications/{id}/sheet': signedIn,
  'GET /api/applications/{id}/sheet/pdf': signedIn,
  'GET /api/public/verifications/{code}': anyone,
  'GET /api/applications/{id}/certificate': signedIn,
  'GET /api/applications/{id}/certificate/pdf': signedIn,
  'POST /api/certificates/{id}/revoke': ['reviewer'],
  'GET /api/public/certificates/verify': anyone,
  'POST /api/exports/yppm': ['unit', 'reviewer'],
  'GET /api/applications/{id}/check': ['applicant'],
  'POST /api/applications/{id}/submit': ['applicant'],
  'GET /api/review/summary': ['unit', 'reviewer'],
  'GET /api/review/desk': ['unit', 'reviewer'],
  'GET /api/review/records': ['unit', 'reviewer'],
  'GET /api/review/desk/export': ['unit', 'reviewer'],
  'GET /api/review/records/export': ['unit', 'reviewer'],
  'GET /api/review/export-options': ['unit', 'reviewer'],
  'POST /api/review/decisions': ['unit', 'reviewer'],
  'GET /api/review/applications/{id}/unit-opinion': ['unit'],
  'PUT /api/review/applications/{id}/unit-opinion': ['unit'],
  'GET /api/reviewer/me': ['reviewer'],
  'GET /api/reviewer/unit-requests': ['reviewer'],
  'POST /api/reviewer/unit-requests/{id}/decision': ['reviewer'],
  'GET /api/admin/units': ['admin'],
  'GET /api/admin/units/{id}': ['admin'],
  'POST /api/admin/units/{id}/phone': ['admin'],
  'POST /api/admin/accounts/{accountId}/unlock': ['admin'],
  'POST /api/admin/specialties': ['admin'],
  'GET /api/admin/supervisors': ['admin'],
  'POST /api/admin/supervisors': ['admin'],
  'PUT /api/admin/supervisors/{id}': ['admin'],
  'PUT /api/admin/supervisors/{id}/disabled': ['admin'],
  'DELETE /api/admin/supervisors/{id}': ['admin'],
  'GET /api/admin/hr-bureaus': ['admin'],
  'POST /api/admin/hr-bureaus': ['admin'],
  'PUT /api/admin/hr-bureaus/{id}': ['admin'],
  'PUT /api/admin/hr-bureaus/{id}/disabled': ['admin'],
  'DELETE /api/admin/hr-bureaus/{id}': ['admin'],
  'GET /api/admin/committees': ['admin'],
  'POST /api/admin/committees': ['admin'],
  'PUT /api/admin/committees/{id}': ['admin'],
  'POST /api/admin/committees/{id}/batches': ['admin'],
  'PUT /api/admin/committees/{id}/batches/{batchId}': ['admin'],
  'PUT /api/admin/committees/{id}/batches/{batchId}/disabled': ['admin'],
  'DELETE /api/admin/committees/{id}/batches/{batchId}': ['admin'],
  'GET /api/admin/reviewers': ['admin'],
  'POST /api/admin/reviewers': ['admin'],
  'POST /api/admin/reviewers/{id}/reset-password': ['admin'],
  'POST /api/admin/reviewers/{id}/reset-two-factor': ['admin'],
  'GET /api/committee/unit-search': ['reviewer'],
  'GET /api/committee/supervisors': ['reviewer'],
  'GET /api/committee/experts': ['reviewer'],
  'POST /api/committee/experts': ['reviewer'],
  'PUT /api/committee/experts/{id}': ['reviewer'],
  'POST /api/committee/experts/{id}/status': ['reviewer'],
  'POST /api/committee/experts/{id}/reset-password': ['reviewer'],
  'GET /api/committee/meetings': ['reviewer'],
  'POST /api/committee/meetings': ['reviewer'],
  'GET /api/committee/meetings/{id}': ['reviewer'],
  'GET /api/committee/meeting-candidates': ['reviewer'],
  'POST /api/committee/meetings/{id}/agenda': ['reviewer'],
  'DELETE /api/committee/meetings/{id}/agenda/{applicationId}': ['reviewer'],
  'POST /api/committee/meetings/{id}/draw': ['reviewer'],
  'POST /api/committee/meetings/{id}/attendance': ['reviewer'],
  'POST /api/committee/meetings/{id}/open': ['reviewer'],
  'POST /api/committee/meetings/{id}/close': ['reviewer'],
  'GET /api/committee/notice-candidates': ['reviewer'],
  'GET /api/committee/notices': ['reviewer'],
  'POST /api/committee/notices': ['reviewer'],
  'GET /api/committee/notices/{id}': ['reviewer'],
  'POST /api/committee/objections/{id}/answer': ['reviewer'],
  'POST /api/committee/notices/{id}/close': ['reviewer'],
  'GET /api/confirmations': ['reviewer'],
  'POST /api/confirmations': ['reviewer'],
  'GET /api/expert/meetings': ['expert'],
  'GET /api/expert/meetings/{id}': ['expert'],
  'POST /api/expert/meetings/{id}/ballots': ['expert'],
  'GET /api/public/notices': anyone,
  'GET /api/public/notices/{id}': anyone,
  'POST /api/public/notices/{id}/objections': anyone,
  'POST /api/test/clock': anyone,
};

let ctx: TestContext;
const as: Partial<Record<AccountKind, Agent>> = {};
beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await loggedInAdmin(ctx);
  as.admin = admin.agent;
  as.unit = (await loggedInUnit(ctx)).agent;
  as.applicant = (await loggedInApplicant(ctx)).agent;
  const supervisor = await adminCreates(admin.agent, '/api/admin/supervisors', { name: '矩阵测试主管部门' });
  as.reviewer = (await loggedInReviewer(ctx, admin.agent, 'supervisor', supervisor)).agent;
  const committee = await adminCreates(admin.agent, '/api/admin/committees', {
    name: '矩阵测试评委会',
    seriesCode: 'archives',
    titleLevels: ['intermediate'],
    printFromStage: 'committeeCheck',
  });
  const office = (await loggedInReviewer(ctx, admin.agent, 'committee', committee)).agent;
  as.expert = (await loggedInExpert(ctx, office)).agent;
});
afterAll(() => ctx.close());

const sample: Record<string, string> = { table: 'table1', category: 'hrIdCard' };
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => sample[name] ?? '1');

describe('authorization matrix', () => {
  it('names every route of the API', async () => {
    const doc = (await ctx.agent().get('/api/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('refuses every guarded route to an anonymous caller (401) and to every account kind not allowed (403)', async () => {
    const failures: string[] = [];
    for (const [route, allowed] of Object.entries(matrix)) {
      if (allowed === anyone) continue;
      const [method, path] = route.split(' ') as [string, string];
      const url = concrete(path);
      const anonymous = await ctx
        .agent()
        .request({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} });
      if (anonymous.status !== 401) failures.push(`${route} anonymous → ${anonymous.status}`);
      for (const kind of signedIn.filter((k) => !allowed.includes(k))) {
        const res = await as[kind]!.request({
          method: method as 'GET',
          url,
          payload: method === 'GET' ? undefined : {},
        });
        if (res.status !== 403) failures.push(`${route} as ${kind} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
