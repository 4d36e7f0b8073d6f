import { describe, expect, it } from 'vitest';
import { chooseRubric, rubricParam, withRubric } from './rubric';

const rubrics = [
  { version: '2025版', name: '2025 年度考评', maxScore: 100 },
  { version: '2021版', name: '默认', maxScore: 100 },
];

describe('the rubric scores are computed under', () => {
  it('is the one the URL names when it exists, else the first (newest), else none', () => {
    expect(chooseRubric(rubrics, '2021版')).toBe(rubrics[1]);
    expect(chooseRubric(rubrics, null)).toBe(rubrics[0]);
    expect(chooseRubric(rubrics, '1999版')).toBe(rubrics[0]);
    expect(chooseRubric([], null)).toBeNull();
  });

  it('is read from and written to the query string, other parameters kept', () => {
    expect(rubricParam('?year=2024&rubric=2021%E7%89%88')).toBe('2021版');
    expect(rubricParam('?rubric=%20')).toBeNull();
    expect(rubricParam('')).toBeNull();
    expect(withRubric('?year=2024&lang=zh', '2021版')).toBe('?year=2024&lang=zh&rubric=2021%E7%89%88');
    expect(withRubric('?rubric=x&lang=en', null)).toBe('?lang=en');
    expect(withRubric('?rubric=x', null)).toBe('');
  });
});
