/**
 * Generated personal names for attendees and responsible leaders: a common Han surname with
 * a one- or two-character given name, or (about one in eight, as befits Inner Mongolia) a
 * Mongolian name written without a surname. Combinations are random, not real people.
 */
import type { Rng } from './prng.js';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '程', '曹', '袁', '邓', '许', '傅', '沈', '彭', '吕', '苏', '卢',
  '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '潘', '杜', '田', '任', '姜', '范', '方', '石', '姚', '谭', '郝', '白',
  '崔', '康', '秦', '史', '侯', '孟', '段', '雷', '武', '乔', '贺', '常', '温', '霍', '牛', '云', '奇',
];
/** The first few surnames are far more common; weight them so. */
const SURNAME_WEIGHT = (i: number): number => (i < 10 ? 6 : i < 30 ? 3 : 1);

const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀', '霞', '平', '刚',
  '桂', '华', '建', '国', '海', '文', '志', '红', '玉', '兰', '宏', '晓', '俊', '鹏', '飞', '斌', '丹', '萍', '欣', '慧',
  '佳', '宇', '浩', '博', '婷', '雪', '琳', '新', '春', '利', '燕', '彬', '凯', '辉', '荣', '晶', '波', '锋', '嘉', '瑞',
];

const MONGOLIAN = [
  '巴特尔', '其木格', '乌兰', '萨仁', '额尔敦', '苏和', '斯琴', '图雅', '敖登', '哈斯', '阿拉坦', '娜仁', '宝音',
  '朝鲁', '格日勒', '孟和', '包乌云', '那顺', '乌日娜', '巴雅尔', '特木尔', '萨日娜', '呼和', '达来',
];

export function personName(rng: Rng): string {
  if (rng.chance(0.12)) return rng.pick(MONGOLIAN);
  const surnameIndex = rng.weighted(SURNAMES.map((_, i) => i), SURNAME_WEIGHT);
  const surname = SURNAMES[surnameIndex]!;
  const given = rng.chance(0.35) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return surname + given;
}

/** n names, all different from each other. */
export function distinctNames(rng: Rng, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(personName(rng));
  return [...out];
}
