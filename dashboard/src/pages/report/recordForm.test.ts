import { describe, expect, it } from 'vitest';
import { translate } from '../../app/i18n';
import {
  activityKey,
  attendanceKey,
  ENUMS,
  enumLabelKey,
  fixedFields,
  formFields,
  initialValues,
  rowKey,
  slotKey,
  toRow,
  valuesForNext,
  type EnumSource,
  type FormValues,
} from './recordForm';

const MEDIA = { outletId: 'MediaOutlet:1', agencyId: null };
const REPORTER = { outletId: null, agencyId: 'Agency:4' };
const ADMIN = { outletId: null, agencyId: null };

const names = (fields: { name: string }[]) => fields.map((f) => f.name);

describe('the fields of each kind', () => {
  it('asks the unit only of accounts that have none', () => {
    expect(names(formFields('broadcast-slots', MEDIA))).not.toContain('outletId');
    expect(names(formFields('broadcast-slots', ADMIN))[0]).toBe('outletId');
    expect(names(formFields('activities', REPORTER))).not.toContain('organiserId');
    expect(names(formFields('activities', ADMIN))[0]).toBe('organiserId');
    expect(names(formFields('attendance', REPORTER))).not.toContain('agencyId');
    expect(names(formFields('attendance', ADMIN))[0]).toBe('agencyId');
    expect(fixedFields('broadcast-slots', MEDIA)).toEqual({ outletId: 'MediaOutlet:1' });
    expect(fixedFields('activities', REPORTER)).toEqual({ organiserId: 'Agency:4' });
    expect(fixedFields('attendance', REPORTER)).toEqual({ agencyId: 'Agency:4' });
    expect(fixedFields('activities', ADMIN)).toEqual({});
  });

  it("has exactly the fields of the schema's row inputs (besides the ones left to files)", () => {
    expect(names(formFields('broadcast-slots', ADMIN)).sort()).toEqual(
      ['channel', 'domainId', 'durationMinutes', 'kind', 'outletId', 'partnerAgencyId', 'primeTime', 'programme', 'reach', 'startsAt'],
    );
    // troupe and keyDate are left to the file import.
    expect(names(formFields('activities', ADMIN)).sort()).toEqual([
      'audiences', 'coOrganiserIds', 'consultations', 'date', 'domainId', 'form', 'itemIds', 'lawIds', 'materials',
      'onlineViews', 'organiserId', 'participants', 'regionId', 'title', 'venueType',
    ]);
    expect(names(formFields('attendance', ADMIN)).sort()).toEqual(
      ['agencyId', 'attended', 'attendee', 'hours', 'leadingCadre', 'required', 'score', 'sessionId'],
    );
  });

  it('labels every enum value in both languages', () => {
    for (const source of Object.keys(ENUMS) as EnumSource[]) {
      for (const value of ENUMS[source]) {
        const key = enumLabelKey(source, value);
        expect(translate('zh-CN', key), key).not.toBe(undefined);
        expect(translate('en', key), key).not.toBe(undefined);
      }
    }
    expect(translate('zh-CN', enumLabelKey('slotKinds', 'PUBLIC_SERVICE_AD'))).toBe('公益广告');
    expect(translate('en', enumLabelKey('forms', 'LECTURE'))).toBe('Lecture');
  });

  it('starts empty, with the checkboxes as the schema defaults them', () => {
    const values = initialValues(formFields('attendance', REPORTER));
    expect(values).toEqual({ sessionId: '', attendee: '', hours: '', score: '', required: true, attended: true, leadingCadre: false });
    expect(initialValues(formFields('activities', REPORTER)).audiences).toEqual([]);
  });

  it('keeps the training session and the chosen unit for the next record, and nothing else', () => {
    const fields = formFields('attendance', ADMIN);
    const next = valuesForNext(fields, {
      ...initialValues(fields),
      agencyId: 'Agency:7',
      sessionId: 'TrainingSession:3',
      attendee: '王芳',
      hours: '3',
      attended: false,
    });
    expect(next).toEqual({ ...initialValues(fields), agencyId: 'Agency:7', sessionId: 'TrainingSession:3' });
  });
});

describe('toRow', () => {
  const slotFields = formFields('broadcast-slots', MEDIA);
  const slot: FormValues = {
    ...initialValues(slotFields),
    programme: '  法治乌海 ',
    channel: '第1版',
    kind: 'COLUMN',
    startsAt: '2026-11-20T20:30',
    durationMinutes: '15',
    reach: '12000',
  };

  it("makes a slot row with the media partner's outlet, the start in Beijing time, and no empty optional fields", () => {
    const result = toRow(slotFields, slot, fixedFields('broadcast-slots', MEDIA));
    expect(result).toEqual({
      ok: true,
      row: {
        outletId: 'MediaOutlet:1',
        programme: '法治乌海',
        channel: '第1版',
        kind: 'COLUMN',
        startsAt: '2026-11-20T20:30:00+08:00',
        durationMinutes: 15,
        reach: 12000,
        primeTime: false,
      },
    });
  });

  it('keeps seconds a browser sends, and the optional references chosen', () => {
    const result = toRow(slotFields, { ...slot, startsAt: '2026-11-20T20:30:15', primeTime: true, partnerAgencyId: 'Agency:3', domainId: 'EnforcementDomain:2' });
    expect(result.ok && result.row).toMatchObject({ startsAt: '2026-11-20T20:30:15+08:00', primeTime: true, partnerAgencyId: 'Agency:3', domainId: 'EnforcementDomain:2' });
  });

  it('names every required field left empty, and numbers GraphQL would refuse, without sending', () => {
    const result = toRow(slotFields, { ...initialValues(slotFields), durationMinutes: '12.5', reach: '3000000000' });
    expect(result).toEqual({
      ok: false,
      problems: {
        programme: 'form.error.required',
        channel: 'form.error.required',
        kind: 'form.error.required',
        startsAt: 'form.error.required',
        durationMinutes: 'form.error.integer',
        reach: 'form.error.integer',
      },
    });
  });

  it('refuses what is not a date or a date-time', () => {
    const result = toRow(slotFields, { ...slot, startsAt: '20.11.2026 20:30' });
    expect(result).toEqual({ ok: false, problems: { startsAt: 'form.error.datetime' } });
    const activityFields = formFields('activities', REPORTER);
    const bad = toRow(activityFields, { ...initialValues(activityFields), title: 'x', date: '2026/11/20', regionId: 'Region:2', form: 'LECTURE' });
    expect(bad).toEqual({ ok: false, problems: { date: 'form.error.date' } });
  });

  it("leaves range checks to the hub: a 2,000-minute slot is sent as typed", () => {
    const result = toRow(slotFields, { ...slot, durationMinutes: '2000', reach: '0' });
    expect(result.ok && result.row).toMatchObject({ durationMinutes: 2000, reach: 0 });
  });

  it('makes an activity row with its lists, without duplicates, and omits empty counts (the hub counts them 0)', () => {
    const fields = formFields('activities', REPORTER);
    const result = toRow(
      fields,
      {
        ...initialValues(fields),
        title: '“民法典进社区”专题讲座',
        date: '2026-11-08',
        regionId: 'Region:12',
        form: 'LECTURE',
        venueType: 'COMMUNITY',
        audiences: ['COMMUNITY_RESIDENTS', 'ELDERLY', 'ELDERLY'],
        lawIds: ['Law:2'],
        participants: '120',
        materials: '0',
        coOrganiserIds: [],
      },
      fixedFields('activities', REPORTER),
    );
    expect(result).toEqual({
      ok: true,
      row: {
        organiserId: 'Agency:4',
        title: '“民法典进社区”专题讲座',
        date: '2026-11-08',
        regionId: 'Region:12',
        form: 'LECTURE',
        venueType: 'COMMUNITY',
        audiences: ['COMMUNITY_RESIDENTS', 'ELDERLY'],
        lawIds: ['Law:2'],
        participants: 120,
        materials: 0,
      },
    });
  });

  it('makes an attendance row: decimals for hours and score, no score when left empty', () => {
    const fields = formFields('attendance', REPORTER);
    const base = { ...initialValues(fields), sessionId: 'TrainingSession:49', attendee: '王芳', hours: '2.5' };
    expect(toRow(fields, base, fixedFields('attendance', REPORTER))).toEqual({
      ok: true,
      row: { agencyId: 'Agency:4', sessionId: 'TrainingSession:49', attendee: '王芳', hours: 2.5, required: true, attended: true, leadingCadre: false },
    });
    const scored = toRow(fields, { ...base, score: '87.5', leadingCadre: true }, fixedFields('attendance', REPORTER));
    expect(scored.ok && scored.row).toMatchObject({ score: 87.5, leadingCadre: true });
    expect(toRow(fields, { ...base, hours: 'two' })).toEqual({ ok: false, problems: { hours: 'form.error.number' } });
  });
});

describe('natural keys', () => {
  it("match a sent slot to the hub's listed one, whatever the offset of its start", () => {
    const sent = rowKey('broadcast-slots', { outletId: 'MediaOutlet:1', channel: '第1版 ', startsAt: '2026-11-20T20:30:00+08:00' });
    expect(sent).toBe(slotKey('MediaOutlet:1', '第1版', '2026-11-20T12:30:00.000Z'));
    expect(sent).not.toBe(slotKey('MediaOutlet:1', '第1版', '2026-11-20T20:30:00.000Z'));
    expect(sent).not.toBe(slotKey('MediaOutlet:2', '第1版', '2026-11-20T12:30:00.000Z'));
  });

  it('match activities by organiser, date and title, and attendance by session, agency and attendee', () => {
    expect(rowKey('activities', { organiserId: 'Agency:4', date: '2026-11-08', title: ' 讲座 ' })).toBe(activityKey('Agency:4', '2026-11-08', '讲座'));
    expect(rowKey('activities', { organiserId: 'Agency:4', date: '2026-11-09', title: '讲座' })).not.toBe(activityKey('Agency:4', '2026-11-08', '讲座'));
    expect(rowKey('attendance', { sessionId: 'TrainingSession:1', agencyId: 'Agency:4', attendee: '王芳' })).toBe(
      attendanceKey('TrainingSession:1', 'Agency:4', '王芳'),
    );
  });
});
