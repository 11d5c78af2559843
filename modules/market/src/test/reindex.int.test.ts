/**
 * The listings' stored readings follow the vocabulary: at start, a vocabulary other than the one the readings were
 * written with makes every listing read again (the search finds them as the engine reads them now); the same
 * vocabulary costs nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, json, startTestApp, type TestApp } from '@kechuang/testing';
import { vocabularyVersion } from '../data/index.ts';
import { reindexListings } from '../server/reindex.ts';

describeEachDatabase('market: readings follow the vocabulary', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(async () => t?.close());

  it('reads every listing again when the vocabulary changed, and nothing when it did not', async () => {
    // the start wrote the version: nothing to do
    expect(await reindexListings(t.db)).toBe(0);
    const [{ id, terms, weights }] = await t.db.query<{ id: number; terms: string[]; weights: number[] }>(
      `select id::int as id, terms, term_weights as weights from achievements where status = 'published' and title = '高电压锂离子电池电解液成膜添加剂'`,
    );
    // a reading made by an older vocabulary: it knew none of these terms
    await t.db.query(`update achievements set terms = '{}', term_weights = '{}', doc_length = 0 where id = $1`, [id]);
    const bureau = await t.login('bureau');
    const search = async () =>
      json(
        await t.app.inject({ method: 'POST', url: '/api/market/achievements/search', headers: { cookie: bureau }, payload: { q: '电解液成膜添加剂' } }),
      ).items.map((l: { id: number }) => l.id);
    expect(await search()).not.toContain(id);

    const [{ n }] = await t.db.query<{ n: number }>(
      `select ((select count(*) from achievements) + (select count(*) from demands) + (select count(*) from experts)
              + (select count(*) from brokers) + (select count(*) from service_providers))::int as n`,
    );
    expect(await reindexListings(t.db, 'an-edited-vocabulary')).toBe(n);
    const [after] = await t.db.query<{ terms: string[]; weights: number[] }>(`select terms, term_weights as weights from achievements where id = $1`, [id]);
    expect(after).toEqual({ terms, weights: weights.map(Number) });
    expect(await search()).toContain(id);
    expect(await reindexListings(t.db, 'an-edited-vocabulary')).toBe(0);
    expect(vocabularyVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});
