import { describe, expect, it } from 'vitest';
import { canSeeUnitRanking, IMPORT_KINDS, recordListFor, reportKinds, roleLabel, ROLES } from './roles';

describe('roles', () => {
  it('names every role in Chinese and English, each name distinct', () => {
    const zh = ROLES.map((r) => roleLabel(r, 'zh-CN'));
    const en = ROLES.map((r) => roleLabel(r, 'en'));
    expect(zh).toEqual(['普法办管理员', '区普法办管理员', '领导', '监督人员', '单位填报员', '媒体填报员', '问卷调查机构']);
    expect(en).toEqual([
      'Administrator',
      'District administrator',
      'Leadership',
      'Inspector',
      'Unit reporter',
      'Media partner',
      'Survey operator',
    ]);
    expect(new Set(zh).size).toBe(ROLES.length);
    expect(new Set(en).size).toBe(ROLES.length);
  });

  it('shows a role it does not know as sent', () => {
    expect(roleLabel('AUDITOR', 'zh-CN')).toBe('AUDITOR');
  });

  it('offers the ranking of units only to the roles that read every record', () => {
    expect(ROLES.filter(canSeeUnitRanking)).toEqual(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR']);
    expect(canSeeUnitRanking(null)).toBe(false);
    expect(canSeeUnitRanking(undefined)).toBe(false);
  });

  it('offers each role the kinds the API lets it write', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, reportKinds(r)]))).toEqual({
      ADMIN: IMPORT_KINDS,
      DISTRICT_ADMIN: ['activities', 'attendance'],
      LEADER: [],
      INSPECTOR: [],
      AGENCY_REPORTER: ['activities', 'attendance'],
      MEDIA_PARTNER: ['broadcast-slots'],
      SURVEY_OPERATOR: ['survey-responses'],
    });
    expect(reportKinds(null)).toEqual([]);
    expect(reportKinds('SOMETHING_NEW')).toEqual([]);
  });

  it('lists the records that go with the chosen kind, else the role’s own', () => {
    expect(recordListFor('ADMIN', 'activities')).toBe('activities');
    expect(recordListFor('ADMIN', 'broadcast-slots')).toBe('broadcastSlots');
    expect(recordListFor('ADMIN', 'survey-responses')).toBeNull();
    expect(recordListFor('AGENCY_REPORTER', 'attendance')).toBe('activities');
    expect(recordListFor('MEDIA_PARTNER', 'broadcast-slots')).toBe('broadcastSlots');
  });
});
