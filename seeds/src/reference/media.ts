/**
 * Media outlets that air legal-education content. `agency` is the member unit that runs the
 * outlet: the city radio-TV station and the daily for traditional media, the justice bureaus
 * for their own new-media accounts, screens and the 4K smart-TV terminals.
 */
import type { OutletKind } from '../model.js';

export interface OutletSpec { code: string; name: string; en: string; kind: OutletKind; agency: string | null }

export const OUTLET_SPECS: OutletSpec[] = [
  { code: 'WUHAI_DAILY', name: '乌海日报', en: 'Wuhai Daily', kind: 'NEWSPAPER', agency: 'CITY_DAILY' },
  { code: 'WUHAI_RADIO', name: '乌海广播电视台综合广播', en: 'Wuhai Radio General Channel', kind: 'RADIO', agency: 'CITY_BROADCAST' },
  { code: 'WUHAI_TV', name: '乌海电视台新闻综合频道', en: 'Wuhai TV News Channel', kind: 'TV', agency: 'CITY_BROADCAST' },
  { code: 'WUHAI_NEWS_PORTAL', name: '乌海新闻网', en: 'Wuhai News Portal', kind: 'PORTAL', agency: 'CITY_DAILY' },
  { code: 'WUHAI_JUSTICE_WECHAT', name: '乌海司法（微信公众号）', en: 'Wuhai Justice (WeChat)', kind: 'WECHAT', agency: 'CITY_JUSTICE' },
  { code: 'WUHAI_PUFA_WEIBO', name: '乌海普法（微博）', en: 'Wuhai Pufa (Weibo)', kind: 'WEIBO', agency: 'CITY_JUSTICE' },
  { code: 'WUHAI_JUSTICE_DOUYIN', name: '乌海司法（抖音号）', en: 'Wuhai Justice (Douyin)', kind: 'SHORT_VIDEO', agency: 'CITY_JUSTICE' },
  { code: 'LED_BINHE_SQUARE', name: '滨河广场LED显示屏', en: 'Binhe Square LED Screen', kind: 'LED_SCREEN', agency: 'CITY_JUSTICE' },
  { code: 'LED_HBW_PARK', name: '海勃湾区人民公园LED显示屏', en: 'Haibowan People\'s Park LED Screen', kind: 'LED_SCREEN', agency: 'HBW_JUSTICE' },
  { code: 'LED_WD_SQUARE', name: '乌达区文化广场LED显示屏', en: 'Wuda Culture Square LED Screen', kind: 'LED_SCREEN', agency: 'WD_JUSTICE' },
  { code: 'LED_HN_SQUARE', name: '海南区人民广场LED显示屏', en: 'Hainan People\'s Square LED Screen', kind: 'LED_SCREEN', agency: 'HN_JUSTICE' },
  { code: 'SMART_TV_TERMINALS', name: '4K智能公共法律服务电视终端', en: '4K Smart Public Legal Service TV Terminals', kind: 'SMART_TV_TERMINAL', agency: 'CITY_JUSTICE' },
];
