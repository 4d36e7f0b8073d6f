import type { EntityManager } from '@mikro-orm/core';
import { createUser, generatePassword } from './auth.service.js';
import { Role } from './role.js';

/**
 * One account per role for a demo installation, with passwords generated for this installation
 * (printed once by `npm start`, never written anywhere else).
 */
export async function createDemoAccounts(em: EntityManager): Promise<{ username: string; role: Role; password: string; for: string }[]> {
  const conn = em.getConnection();
  const [ref] = await conn.execute(`select
    (select id from agency where kind = 'ENFORCEMENT' and valid_to is null order by id limit 1) as agency,
    (select name from agency where kind = 'ENFORCEMENT' and valid_to is null order by id limit 1) as agency_name,
    (select id from media_outlet order by id limit 1) as outlet, (select name from media_outlet order by id limit 1) as outlet_name,
    (select id from region where level = 'DISTRICT' order by id limit 1) as district, (select name from region where level = 'DISTRICT' order by id limit 1) as district_name`);
  const accounts = [
    { username: 'admin', displayName: '市普法办管理员', role: Role.ADMIN, for: '全市 / whole city' },
    { username: 'district', displayName: `${ref.district_name}普法办`, role: Role.DISTRICT_ADMIN, districtId: ref.district, for: ref.district_name },
    { username: 'leader', displayName: '市领导', role: Role.LEADER, for: '只读 / read-only' },
    { username: 'inspector', displayName: '人大代表', role: Role.INSPECTOR, for: '只读，查阅留痕 / read-only, views logged' },
    { username: 'reporter', displayName: `${ref.agency_name}填报员`, role: Role.AGENCY_REPORTER, agencyId: ref.agency, for: ref.agency_name },
    { username: 'media', displayName: `${ref.outlet_name}填报员`, role: Role.MEDIA_PARTNER, outletId: ref.outlet, for: ref.outlet_name },
    { username: 'surveyor', displayName: '第三方评估机构', role: Role.SURVEY_OPERATOR, for: '问卷 / surveys' },
  ];
  const out = [];
  for (const a of accounts) {
    const password = generatePassword();
    await createUser(em, { ...a, password });
    out.push({ username: a.username, role: a.role, password, for: a.for });
  }
  return out;
}
