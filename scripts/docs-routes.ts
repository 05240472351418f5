// npm run docs:routes: writes docs/review-routes.md from the route table in common/.
import { writeFileSync } from 'node:fs';
import { routeRulesMarkdown, yunnanArchivesRoutes } from '#common';

writeFileSync('docs/review-routes.md', routeRulesMarkdown(yunnanArchivesRoutes));
console.log('written docs/review-routes.md');
