/**
 * Regions of the demo city: 乌海市 → 3 districts → streets (街道) and towns (镇) → a few
 * communities (社区) and villages (村). District, street and town names are the real ones
 * (as of the early 2020s); the communities and villages are plausible illustrations, not an
 * official list. Codes follow the national scheme: 6 digits for the city and districts
 * (150300, 150302 …), 9 for streets/towns, 12 for communities/villages.
 */
import type { RegionRow } from '../model.js';

interface StreetSpec {
  name: string;
  en: string;
  /** [Chinese name, pinyin English name]; names ending in 村 are villages. */
  units: [string, string][];
}

interface DistrictSpec {
  code: string;
  name: string;
  en: string;
  streets: StreetSpec[];
}

export const CITY = { code: '150300', name: '乌海市', en: 'Wuhai' } as const;

export const DISTRICT_SPECS: DistrictSpec[] = [
  {
    code: '150302', name: '海勃湾区', en: 'Haibowan District',
    streets: [
      { name: '凤凰岭街道', en: 'Fenghuangling Subdistrict', units: [['康乐社区', 'Kangle Community'], ['金沙湾社区', 'Jinshawan Community'], ['凤凰新城社区', 'Fenghuang Xincheng Community']] },
      { name: '新华街道', en: 'Xinhua Subdistrict', units: [['团结社区', 'Tuanjie Community'], ['人民路社区', 'Renminlu Community']] },
      { name: '新华西街道', en: 'Xinhuaxi Subdistrict', units: [['卫境社区', 'Weijing Community'], ['幸福社区', 'Xingfu Community']] },
      { name: '海北街道', en: 'Haibei Subdistrict', units: [['海北社区', 'Haibei Community'], ['胜利社区', 'Shengli Community']] },
      { name: '滨河街道', en: 'Binhe Subdistrict', units: [['滨河社区', 'Binhe Community'], ['甘德尔社区', 'Gande\'er Community']] },
      { name: '林荫街道', en: 'Linyin Subdistrict', units: [['林荫社区', 'Linyin Community'], ['和平社区', 'Heping Community']] },
      { name: '千钢街道', en: 'Qiangang Subdistrict', units: [['千钢社区', 'Qiangang Community'], ['青年社区', 'Qingnian Community']] },
      { name: '千里山镇', en: 'Qianlishan Town', units: [['千里山村', 'Qianlishan Village'], ['王元地村', 'Wangyuandi Village'], ['新地社区', 'Xindi Community']] },
    ],
  },
  {
    code: '150303', name: '海南区', en: 'Hainan District',
    streets: [
      { name: '西卓子山街道', en: 'Xizhuozishan Subdistrict', units: [['西卓子山社区', 'Xizhuozishan Community'], ['新世纪社区', 'Xinshiji Community']] },
      { name: '拉僧庙镇', en: 'Lasengmiao Town', units: [['拉僧庙社区', 'Lasengmiao Community'], ['赛汗乌素村', 'Saihanwusu Village'], ['拉僧庙村', 'Lasengmiao Village']] },
      { name: '巴音陶亥镇', en: 'Bayintaohai Town', units: [['万亩滩村', 'Wanmutan Village'], ['巴音陶亥村', 'Bayintaohai Village'], ['东风村', 'Dongfeng Village']] },
      { name: '公乌素镇', en: 'Gongwusu Town', units: [['公乌素社区', 'Gongwusu Community'], ['公乌素村', 'Gongwusu Village']] },
    ],
  },
  {
    code: '150304', name: '乌达区', en: 'Wuda District',
    streets: [
      { name: '三道坎街道', en: 'Sandaokan Subdistrict', units: [['三道坎社区', 'Sandaokan Community'], ['友谊社区', 'Youyi Community']] },
      { name: '五虎山街道', en: 'Wuhushan Subdistrict', units: [['五虎山社区', 'Wuhushan Community'], ['矿区社区', 'Kuangqu Community']] },
      { name: '梁家沟街道', en: 'Liangjiagou Subdistrict', units: [['梁家沟社区', 'Liangjiagou Community'], ['新星社区', 'Xinxing Community']] },
      { name: '苏海图街道', en: 'Suhaitu Subdistrict', units: [['苏海图社区', 'Suhaitu Community'], ['光明社区', 'Guangming Community']] },
      { name: '巴音赛街道', en: 'Bayinsai Subdistrict', units: [['巴音赛社区', 'Bayinsai Community'], ['民族团结社区', 'Minzu Tuanjie Community']] },
      { name: '新达街道', en: 'Xinda Subdistrict', units: [['新达社区', 'Xinda Community'], ['育才社区', 'Yucai Community']] },
      { name: '乌兰淖尔镇', en: 'Wulannao\'er Town', units: [['乌兰淖尔村', 'Wulannao\'er Village'], ['乌兰布和村', 'Wulanbuhe Village'], ['乌兰淖尔社区', 'Wulannao\'er Community']] },
    ],
  },
];

/** Regions in insert order (every parent before its children), ids 1…n. */
export function buildRegions(): RegionRow[] {
  const rows: RegionRow[] = [];
  const add = (code: string, name: string, en: string, level: RegionRow['level'], parent_id: number | null): number => {
    const id = rows.length + 1;
    rows.push({ id, code, name, name_en: en, level, parent_id });
    return id;
  };
  const cityId = add(CITY.code, CITY.name, CITY.en, 'CITY', null);
  const districtIds = DISTRICT_SPECS.map((d) => add(d.code, d.name, d.en, 'DISTRICT', cityId));
  DISTRICT_SPECS.forEach((d, di) => {
    d.streets.forEach((s, si) => {
      const streetCode = `${d.code}${String(si + 1).padStart(3, '0')}`;
      const streetId = add(streetCode, s.name, s.en, 'STREET', districtIds[di]!);
      s.units.forEach(([name, en], ui) => {
        add(`${streetCode}${String(ui + 1).padStart(3, '0')}`, name, en, 'COMMUNITY', streetId);
      });
    });
  });
  return rows;
}

export function isVillage(region: RegionRow): boolean {
  return region.level === 'COMMUNITY' && region.name.endsWith('村');
}
