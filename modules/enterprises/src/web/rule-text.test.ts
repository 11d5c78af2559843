import { describe, expect, it } from 'vitest';
import { translate } from '@kechuang/platform-web';
import './messages.ts';
import { adviceItems, conditionLabel, coreIpText, gapShort, routeText, ruleText } from './rule-text.ts';

const zh = (key: string, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('the rules engine in the user\'s words', () => {
  it.each([
    ['foundedOn missing', '缺少成立日期'],
    ['rdExpense or revenue missing in the window', '考察期内缺少研发费用或营业收入'],
    ['revenue used for 总收入', '未填总收入，暂以销售收入计算'],
    ['employees missing', '缺少职工总数'],
    ['employees 620 > 500', '职工总数 620 人 超过 500 人'],
    ['revenue 380000000 > 200000000', '营业收入 3.8 亿元 超过 2 亿元'],
    ['listed as dishonest', '被列入经营异常名录或严重违法失信名单'],
    ['resident missing', '未登记是否为居民企业'],
    ['a phrase the engine adds tomorrow', 'a phrase the engine adds tomorrow'],
  ])('%s → %s', (phrase, text) => expect(ruleText(zh, phrase)).toBe(text));

  it('splits the cheapest points and names each', () => {
    expect(adviceItems(zh, 'more Class I IP (invention patents); growth of net assets or sales')).toEqual(['增加 I 类知识产权（发明专利等）', '提升净资产或销售收入增长率']);
    expect(adviceItems(zh, undefined)).toEqual([]);
  });

  it.each([
    ['score', '评分达标（≥ 60 分）'],
    ['direct:hnte', '直通：有效期内的高新技术企业'],
    ['direct:somethingNew', '直通：somethingNew'],
    [null, '未达入库条件'],
  ])('route %s → %s', (route, text) => expect(routeText(zh, route)).toBe(text));

  it('shows core IP the same wherever it appears, saying when it is inferred from the IP register', () => {
    expect(coreIpText(zh, { value: true, basis: 'fromIp' })).toBe('是（据知识产权登记推定）');
    expect(coreIpText(zh, { value: false, basis: 'fromIp' })).toBe('否（据知识产权登记推定）');
    expect(coreIpText(zh, { value: true, basis: 'recorded' })).toBe('是');
  });

  it('shortens gaps for list cells, amounts in 万元', () => {
    expect(gapShort(zh, { code: 'rdExpenseShare', change: 1_205_000, unit: 'CNY' })).toBe('研发费用 +120.50 万元');
    expect(gapShort(zh, { code: 'sciTechStaffShare', change: 3, unit: 'people' })).toBe('科技人员 +3 人');
    expect(gapShort(zh, { code: 'innovationScore', change: 12, unit: 'points' })).toBe('评分 +12 分');
    expect(conditionLabel(zh, 'noSuchCondition')).toBe('noSuchCondition');
  });
});
