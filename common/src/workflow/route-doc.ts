import { reviewStageLabels, unitLevelLabels } from '../enums';
import { applicationKindLabels, type RouteRule } from './route-rules';

/** The route table as the Markdown page docs/review-routes.md shows (kept in step by a test). */
export function routeRulesMarkdown(rules: readonly RouteRule[]): string {
  const rows = rules.map(
    (r) =>
      `| ${applicationKindLabels[r.kind]} | ${unitLevelLabels[r.unitLevel]} | ${r.stages.map((s) => reviewStageLabels[s]).join(' → ')} | ${r.source} |`,
  );
  return `# 审核流程 (review routes)

Generated from \`yunnanArchivesRoutes\` in \`common/src/workflow/route-rules.ts\` by
\`npm run docs:routes\`; a test fails when this page and the table differ.

An application's route is computed when it is submitted, from its unit (单位等级, 行政区域, the approved
default 主管部门) and its committee, and stored with it. 主管部门审核 is skipped for a unit without a
supervising department. The HR bureau of each stage is the one of the unit's county, of its city (州市),
or of its province; when none exists the answer is 查找人社局失败 (manual §7.7).

Decisions at every stage (manual §4.1): 通过 (next stage), 不通过 (final for that series and level this
year), 返回修改 (back to the applicant; resubmission returns straight to this stage, §7.10), 重置流程 (back
to a draft; unit, committee, specialty, level and cover may change; the unit writes 表十二 again).

The stages after 评委会电子材料审核 are the committee's own (docs/committee-work.md) and are part of the
route only when the committee has a 评审结果确认部门; otherwise the route ends at its electronic check.
评审会议 is decided by the meeting's vote, 评审结果公示 by its end or an upheld objection (back to 评审会议),
人社部门确认 by the bureau's confirmation; no desk decides there.

| 类型 | 单位等级 | 审核流程 | 依据 |
|---|---|---|---|
${rows.join('\n')}

Rows marked [推断] are defaults inferred from public sources (see FORM.md §3); a province or series
with other routes is a new table of the same shape.
`;
}
