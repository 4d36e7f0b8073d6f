/**
 * The surveys page (问卷) in a real Chromium against the real hub (see
 * hub.ts): the estimates, 95% intervals, tiers and small-sample marks drawn
 * and tabled as `surveyResults` answers them, per law, agency, district and
 * wave; the responses behind a bar; what each role sees; both languages.
 * Every expected figure is asked from /graphql here and formatted here,
 * independently of the dashboard's code; charts are read through their
 * ECharts instance (EChart.tsx exposes it as `pufaChart`).
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the page along the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSignIn, browserSuite, graphql, skipBrowserTests } from './hub';

const NAME = 'surveys.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
/** A year's view compares its waves with the year before's. */
const WAVES_2025 = { from: '2024-01-01', to: '2025-12-31' };

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

// ---------- formatting, independently of the dashboard ----------

const count = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
const percent = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const mean = (value: number) => value.toFixed(2);

interface Figure {
  n: number;
  estimate: number;
  interval: { low: number; high: number } | null;
  smallSample: boolean;
  tier: number | null;
  rank: number | null;
  drill: { responses: Record<string, unknown> };
}
interface Row extends Figure {
  unit: { id: string; label: string };
  byWave: (Figure & { wave: { id: string; label: string } })[] | null;
}

const RESULTS = `query($m: SurveyMeasure!, $by: SurveyGrouping!, $f: SurveyResultsFilter, $w: Boolean, $l: Locale) {
  surveyResults(measure: $m, by: $by, filter: $f, compareWaves: $w, locale: $l) {
    rows {
      unit { id label } n estimate interval { low high } smallSample tier rank
      drill { responses { districtIds from to waveIds years } }
      byWave { wave { id label } n estimate interval { low high } smallSample tier rank drill { responses { districtIds from to waveIds years } } }
    }
  }
}`;

describe.skipIf(SKIP)('surveys page in Chromium against the real hub', { timeout: 120_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin'] });

  // ---------- the API ----------

  async function results(
    measure: 'AWARENESS' | 'SATISFACTION',
    by: string,
    filter: Record<string, unknown>,
    options: { compareWaves?: boolean; headers?: Record<string, string>; locale?: string } = {},
  ): Promise<Row[]> {
    const data = await graphql<{ surveyResults: { rows: Row[] } }>(
      suite.hub,
      RESULTS,
      { m: measure, by, f: filter, w: options.compareWaves ?? false, l: options.locale ?? 'ZH_CN' },
      options.headers ?? {},
    );
    return data.surveyResults.rows;
  }

  /** How many responses the drawer should list for a figure's drill. */
  async function responsesBehind(figure: Figure): Promise<number> {
    const filter = Object.fromEntries(Object.entries(figure.drill.responses).filter(([, v]) => v !== null));
    const data = await graphql<{ surveyResponses: { totalCount: number } }>(
      suite.hub,
      'query($f: ResponseFilter) { surveyResponses(filter: $f, first: 1) { totalCount } }',
      { f: filter },
      suite.auth('admin'),
    );
    return data.surveyResponses.totalCount;
  }

  // ---------- the page ----------


  interface DrawnSeries {
    type: string;
    name: string;
    /** Bars: the estimate ('-' where none); error bars: [category, low, high, estimate, hasInterval]. */
    data: unknown[];
    decals: boolean[];
  }

  /** What a chart draws: its categories and series, read from its ECharts instance. */
  async function drawn(page: Page, chart: string): Promise<{ categories: string[]; series: DrawnSeries[] }> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    await frame.locator('canvas').first().waitFor({ timeout: UI_TIMEOUT });
    return frame.evaluate((el) => {
      type Item = { value?: unknown; itemStyle?: { decal?: unknown } } | unknown;
      const option = (
        el as unknown as {
          pufaChart: { getOption(): { yAxis: { data: string[] }[]; series: { type: string; name: string; data: Item[] }[] } };
        }
      ).pufaChart.getOption();
      return {
        categories: option.yAxis[0]!.data,
        series: option.series.map((s) => ({
          type: s.type,
          name: s.name,
          data: s.data.map((d) => (d && typeof d === 'object' && !Array.isArray(d) ? (d as { value: unknown }).value : d)),
          decals: s.data.map((d) => Boolean(d && typeof d === 'object' && (d as { itemStyle?: { decal?: unknown } }).itemStyle?.decal)),
        })),
      };
    });
  }

  /** Clicks the bar of `dataIndex` in bar series `seriesIndex` where ECharts drew it. */
  async function clickBar(page: Page, chart: string, seriesIndex: number, dataIndex: number): Promise<void> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    await page.waitForTimeout(600); // the entry animation
    const [x, y] = await frame.evaluate(
      (el, [s, i]) => {
        type Option = { series: { data: unknown[] }[]; xAxis: { min?: number }[] };
        const instance = (el as unknown as { pufaChart: { getOption(): Option; convertToPixel(f: object, v: number[]): number[] } }).pufaChart;
        const option = instance.getOption();
        const item = option.series[s]!.data[i] as { value: number };
        // Horizontal bars: the middle of the bar, which starts at the axis minimum.
        const min = option.xAxis[0]?.min ?? 0;
        return instance.convertToPixel({ seriesIndex: s }, [(min + item.value) / 2, i]);
      },
      [seriesIndex, dataIndex] as const,
    );
    await frame.scrollIntoViewIfNeeded();
    const box = (await frame.boundingBox())!;
    await page.mouse.click(box.x + x!, box.y + y!);
  }

  /** The cells of the table row of `unit` in the card holding `chart`. */
  async function tableRow(page: Page, chart: string, unit: string): Promise<string[]> {
    const card = page.locator('section.card', { has: page.locator(`[data-chart="${chart}"]`) });
    const exactly = new RegExp(`^${unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = card.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: exactly }) });
    return (await row.first().locator('td').allTextContents()).map((t) => t.trim());
  }

  const drawer = (page: Page) => page.locator('dialog.records-drawer[open]');

  // ---------- the tests ----------

  it('shows the public awareness per law with intervals and tiers as the API answers; agencies need signing in', async () => {
    const rows = await results('AWARENESS', 'LAW', YEAR_2025);
    expect(rows.length).toBeGreaterThan(2);
    expect(new Set(rows.map((r) => r.tier)).size, 'the demo data has several tiers').toBeGreaterThan(1);

    await suite.onPage('public-zh', async (page) => {
      await page.goto(`${suite.hub.url}/surveys`);
      await page.getByRole('heading', { level: 1, name: '问卷调查结果' }).waitFor({ timeout: UI_TIMEOUT });
      await poll(() => drawn(page, 'awareness-by-law').then((c) => c.categories)).toEqual(rows.map((r) => r.unit.label));
      const chart = await drawn(page, 'awareness-by-law');
      expect(chart.series.map((s) => s.type)).toEqual(['bar', 'custom']);
      expect(chart.series[0]!.data).toEqual(rows.map((r) => r.estimate));
      expect(chart.series[1]!.data).toEqual(rows.map((r, i) => [i, r.interval!.low, r.interval!.high, r.estimate, 1]));

      for (const row of [rows[0]!, rows[rows.length - 1]!]) {
        const cells = await tableRow(page, 'awareness-by-law', row.unit.label);
        expect(cells).toEqual([
          row.unit.label,
          count(row.n),
          percent(row.estimate),
          `${percent(row.interval!.low)} – ${percent(row.interval!.high)}`,
          `第${row.tier}档`,
          String(row.rank),
        ]);
      }
      // Per-agency figures are for signed-in readers: a prompt, not an error.
      await page.getByText('登录后可查看各单位的群众满意度').waitFor();
      expect(await page.locator('[data-chart="satisfaction-by-agency"]').count()).toBe(0);
      expect(await page.getByRole('alert').count()).toBe(0);
      await suite.shot(page, 'surveys-public-zh');
    });
  });

  it('shows the admin satisfaction per agency, small samples hatched and flagged; a bar opens its responses', async () => {
    const rows = await results('SATISFACTION', 'AGENCY', YEAR_2025, { headers: suite.auth('admin') });
    const small = rows.filter((r) => r.smallSample);
    expect(small.length, 'the demo data has a small sample').toBeGreaterThan(0);
    const first = rows[0]!;
    const behind = await responsesBehind(first);
    expect(behind).toBeGreaterThan(0);

    await suite.onPage(
      'admin-satisfaction',
      async (page) => {
        await page.goto(`${suite.hub.url}/surveys`);
        await poll(() => drawn(page, 'satisfaction-by-agency').then((c) => c.categories)).toEqual(rows.map((r) => r.unit.label));
        const chart = await drawn(page, 'satisfaction-by-agency');
        expect(chart.series[0]!.data).toEqual(rows.map((r) => r.estimate));
        expect(chart.series[0]!.decals).toEqual(rows.map((r) => r.smallSample));
        for (const row of small) {
          const cells = await tableRow(page, 'satisfaction-by-agency', row.unit.label);
          expect(cells[1]).toBe(`${count(row.n)}样本较小`);
          expect(cells[2]).toBe(mean(row.estimate));
          expect(cells[3]).toBe(`${mean(row.interval!.low)} – ${mean(row.interval!.high)}`);
        }
        await page.getByText('浅色斜纹：样本量不足 30，仅供参考').first().waitFor();

        await clickBar(page, 'satisfaction-by-agency', 0, 0);
        await drawer(page)
          .getByRole('heading', { level: 2, name: `${first.unit.label}：群众满意度所依据的答卷` })
          .waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawer(page).locator('.records-drawer-count').textContent()).toMatch(new RegExp(`共 ${count(behind)} 条$`));
        await page.keyboard.press('Escape');
        await suite.shot(page, 'surveys-admin-zh');
      },
      { signIn: 'admin' },
    );
  });

  it('compares the waves unit by unit, and switches to satisfaction per agency', async () => {
    const byLaw = await results('AWARENESS', 'LAW', WAVES_2025, { compareWaves: true, headers: suite.auth('admin') });
    const byAgency = await results('SATISFACTION', 'AGENCY', WAVES_2025, { compareWaves: true, headers: suite.auth('admin') });
    /** The waves in order of their first figures' dates is what the chart promises: oldest first. */
    const wavesOf = (rows: Row[]) => {
      const ids: string[] = [];
      const names = new Map<string, string>();
      for (const row of rows) for (const w of row.byWave ?? []) names.set(w.wave.id, w.wave.label);
      // Every row lists its waves oldest first; the API's ids grow with time in the demo data.
      for (const id of [...names.keys()].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]))) ids.push(id);
      return ids.map((id) => ({ id, label: names.get(id)! }));
    };
    const expectWaves = (chart: { series: DrawnSeries[] }, rows: Row[]) => {
      const waves = wavesOf(rows);
      expect(waves.length).toBeGreaterThan(1);
      const bars = chart.series.filter((s) => s.type === 'bar');
      expect(bars.map((s) => s.name)).toEqual(waves.map((w) => w.label));
      bars.forEach((bar, k) => {
        expect(bar.data).toEqual(rows.map((r) => r.byWave?.find((w) => w.wave.id === waves[k]!.id)?.estimate ?? '-'));
      });
    };

    await suite.onPage(
      'waves',
      async (page) => {
        await page.goto(`${suite.hub.url}/surveys`);
        await poll(() => drawn(page, 'survey-waves').then((c) => c.categories)).toEqual(byLaw.map((r) => r.unit.label));
        expectWaves(await drawn(page, 'survey-waves'), byLaw);
        await page.getByText('2024年1月1日 – 2025年12月31日的各批次').waitFor();

        const controls = page.locator('fieldset.survey-controls').filter({ has: page.getByRole('radio', { name: '单位', exact: true }) });
        await controls.getByRole('radio', { name: '群众满意度' }).check();
        // Satisfaction has no laws: the grouping moves to agencies.
        await poll(() => controls.getByRole('radio', { name: '单位', exact: true }).isChecked()).toBe(true);
        await poll(() => drawn(page, 'survey-waves').then((c) => c.categories)).toEqual(byAgency.map((r) => r.unit.label));
        expectWaves(await drawn(page, 'survey-waves'), byAgency);
        expect(await controls.getByRole('radio', { name: '法律', exact: true }).count()).toBe(0);
      },
      { signIn: 'admin' },
    );
  });

  it('narrows to a district from the URL; the district chart compares every district', async () => {
    const { regions } = await graphql<{ regions: { edges: { node: { id: string; name: string } }[] } }>(
      suite.hub,
      '{ regions(filter: { level: DISTRICT }, first: 100) { edges { node { id name } } } }',
    );
    const everyDistrict = await results('AWARENESS', 'DISTRICT', YEAR_2025);
    const district = regions.edges.find((e) => everyDistrict.some((r) => r.unit.id === e.node.id))!.node;
    const narrowed = await results('AWARENESS', 'LAW', { ...YEAR_2025, regionIds: [district.id] });
    const city = await results('AWARENESS', 'LAW', YEAR_2025);
    expect(narrowed.map((r) => r.n)).not.toEqual(city.map((r) => r.n));

    await suite.onPage('district', async (page) => {
      await page.goto(`${suite.hub.url}/surveys?district=${encodeURIComponent(district.id)}`);
      await poll(() => drawn(page, 'awareness-by-law').then((c) => c.series[0]!.data)).toEqual(narrowed.map((r) => r.estimate));
      const cells = await tableRow(page, 'awareness-by-law', narrowed[0]!.unit.label);
      expect(cells[1]).toBe(count(narrowed[0]!.n));
      await poll(() => drawn(page, 'survey-by-district').then((c) => c.categories)).toEqual(everyDistrict.map((r) => r.unit.label));
      await page.getByText('各区对比，所选区域突出显示').waitFor();
    });
  });

  it('speaks English: headings, measures, tiers and record names', async () => {
    const rows = await results('AWARENESS', 'LAW', YEAR_2025, { locale: 'EN' });
    await suite.onPage('english', async (page) => {
      await page.goto(`${suite.hub.url}/surveys?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Survey results' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('heading', { level: 2, name: 'Legal awareness by law' }).waitFor();
      await poll(() => drawn(page, 'awareness-by-law').then((c) => c.categories)).toEqual(rows.map((r) => r.unit.label));
      const cells = await tableRow(page, 'awareness-by-law', rows[0]!.unit.label);
      expect(cells[4]).toBe(`Tier ${rows[0]!.tier}`);
      expect(cells[3]).toBe(`${percent(rows[0]!.interval!.low)} – ${percent(rows[0]!.interval!.high)}`);
      await page.getByText('Sign in to see satisfaction by agency').waitFor();
      await suite.shot(page, 'surveys-public-en');
    });
  });

  it('keeps the other cards when one question fails, explains the error and retries', async () => {
    const rows = await results('AWARENESS', 'LAW', YEAR_2025);
    const districts = await results('AWARENESS', 'DISTRICT', YEAR_2025);
    const apiMessage = 'Internal server error; the hub logged the details. Please try again or tell the administrator.';
    await suite.onPage(
      'failure',
      async (page) => {
        await page.route('**/graphql', async (route) => {
          const body = route.request().postDataJSON() as { operationName?: string } | null;
          if (body?.operationName !== 'SurveysAwarenessByLaw') return route.continue();
          return route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ data: null, errors: [{ message: apiMessage, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
          });
        });
        await page.goto(`${suite.hub.url}/surveys`);
        const card = page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: '各法律的群众知晓率' }) });
        const alert = card.getByRole('alert');
        await alert.waitFor({ timeout: UI_TIMEOUT });
        expect(await alert.locator('.state-detail').textContent()).toBe(apiMessage);
        // The other questions are answered as usual.
        await poll(() => drawn(page, 'survey-by-district').then((c) => c.categories)).toEqual(districts.map((r) => r.unit.label));

        await page.unroute('**/graphql');
        await alert.getByRole('button', { name: '重试' }).click();
        await poll(() => drawn(page, 'awareness-by-law').then((c) => c.series[0]!.data)).toEqual(rows.map((r) => r.estimate));
        expect(await card.getByRole('alert').count()).toBe(0);
      },
    );
  });

  it("shows an agency reporter its own agency's satisfaction by wave", async () => {
    const reporter = await apiSignIn(suite.hub, suite.account('reporter'));
    const { me } = await graphql<{ me: { agency: { id: string; name: string } } }>(suite.hub, '{ me { agency { id name } } }', {}, reporter);
    const rows = await results('SATISFACTION', 'WAVE', { ...YEAR_2025, agencyIds: [me.agency.id] }, { headers: reporter });
    expect(rows.length).toBeGreaterThan(0);

    await suite.onPage(
      'reporter',
      async (page) => {
        await page.goto(`${suite.hub.url}/surveys`);
        await page.getByRole('heading', { level: 2, name: `${me.agency.name}的群众满意度（按调查批次）` }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawn(page, 'satisfaction-by-agency').then((c) => c.series[0]!.data)).toEqual(rows.map((r) => r.estimate));
        // The waves can be compared by law and district, not by agency.
        const controls = page.locator('fieldset.survey-controls').filter({ has: page.getByRole('radio', { name: '区域', exact: true }) }).last();
        expect(await controls.getByRole('radio', { name: '单位', exact: true }).count()).toBe(0);
        expect(await page.getByRole('alert').count()).toBe(0);
      },
      { signIn: 'reporter' },
    );
  });
});
