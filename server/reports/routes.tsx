import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { tableCsv } from '../../domain/evaluation/table';
import { requireSession, sameOriginPosts } from '../auth/session';
import type { Service } from '../context';
import { field, html } from '../inbox/html';
import { requireFormToken } from '../services/lead';
import { setDriftThreshold } from '../store/reports';
import { type ReportVariables, requireReportReader } from './access';
import { buildReport, PERIODS, type Period } from './report-data';
import { ReportPage } from './report-page';

type ReportContext = Context<ReportVariables>;

/** ?weeks= one of the periods offered; anything else, the default 13. */
function periodOf(c: ReportContext): Period {
  const weeks = Number(c.req.query('weeks'));
  return (PERIODS as readonly number[]).includes(weeks) ? (weeks as Period) : 13;
}

/**
 * The service's reports, under the inbox's path so its session cookie reaches them: the page, each table as CSV, and
 * the lead's drift threshold. Same sign-in, CSP and CSRF checks as the inbox.
 */
export function reportRoutes(service: Service) {
  const pages = new Hono<ReportVariables>();
  pages.use('*', sameOriginPosts());
  pages.use('*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('The form is too large.', 413) }));
  pages.use('*', requireSession(service));
  pages.use('*', requireReportReader(service));
  pages.use('*', requireFormToken());

  pages.get('/', async (c) => {
    const audience = c.get('audience');
    const report = await buildReport(service.db, c.get('reported').id, service.now(), periodOf(c), audience);
    return html(
      <ReportPage
        session={c.get('session')}
        service={c.get('reported')}
        report={report}
        audience={audience}
        saved={c.req.query('saved') !== undefined}
      />,
    );
  });

  pages.get('/:file', async (c) => {
    const id = /^([a-z-]+)\.csv$/.exec(c.req.param('file'))?.[1];
    const audience = c.get('audience');
    const report = await buildReport(service.db, c.get('reported').id, service.now(), periodOf(c), audience);
    const table = report.tables.find((t) => t.id === id);
    if (!table) return c.text('There is no such table.', 404);
    return c.body(tableCsv(table, audience), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${c.get('reported').id}-${table.id}-${report.weeks[0]}.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  pages.post('/threshold', async (c) => {
    const session = c.get('session');
    if (session.role !== 'service-lead') return c.text('Only the lead of the service may set its threshold.', 403);
    const entered = (field(await c.req.parseBody(), 'threshold') ?? '').trim();
    const percent = Number(entered);
    if (!/^\d{1,3}$/.test(entered) || percent < 1 || percent > 100) {
      const report = await buildReport(service.db, c.get('reported').id, service.now(), 13, 'service');
      const problem = 'Enter the threshold as a whole number of per cent, from 1 to 100.';
      return html(
        <ReportPage
          session={session}
          service={c.get('reported')}
          report={report}
          audience="service"
          threshold={{ entered, problem }}
        />,
        400,
      );
    }
    await setDriftThreshold(service.db, c.get('reported').id, percent, service.now(), session.linkWorker.username);
    return c.redirect('/inbox/reports?saved', 303);
  });
  return pages;
}
