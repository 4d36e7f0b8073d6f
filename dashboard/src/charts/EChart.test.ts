import { describe, expect, it } from 'vitest';
import { chartFileName, chartImage } from './EChart';

describe('saving a chart as PNG', () => {
  it('names the file after the chart title', () => {
    expect(chartFileName('月度趋势 2025年')).toBe('月度趋势 2025年.png');
    expect(chartFileName('Ranking: top 15 / 2025')).toBe('Ranking- top 15 - 2025.png');
    expect(chartFileName('')).toBe('chart.png');
  });

  it('asks ECharts for a PNG at twice the resolution on white', () => {
    const asked: unknown[] = [];
    const url = chartImage({
      getDataURL: (options) => {
        asked.push(options);
        return 'data:image/png;base64,AAAA';
      },
    });
    expect(url).toBe('data:image/png;base64,AAAA');
    expect(asked).toEqual([{ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }]);
  });
});
