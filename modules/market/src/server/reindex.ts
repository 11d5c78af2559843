/**
 * The listings' stored readings follow the vocabulary (data/*.txt): the term index holds the engine's reading of
 * each listing as the vocabulary was when the listing was written, so after the bureau edits a file the readings
 * are made again at the next start — every listing, 500 at a time — before the server answers. The version they
 * were written with is kept in settings (marketVocabulary); an unchanged vocabulary costs one lookup.
 */
import type { Db } from '@kechuang/platform-server';
import { vocabularyVersion } from '../data/index.ts';
import { LISTING_KINDS } from '../contract/kinds.ts';
import { KINDS, listingsByIds } from '../db/listings.ts';
import { listingIdsAfter, readingsVersion, setReadingsVersion, writeReading } from '../db/readings.ts';
import { storedValues } from './matching.ts';
import { readingOf } from './reading.ts';

const BATCH = 500;

/** Reads every listing again if the vocabulary changed since; answers how many were read (0: nothing to do). */
export async function reindexListings(db: Db, version = vocabularyVersion()): Promise<number> {
  if ((await readingsVersion(db)) === version) return 0;
  let n = 0;
  for (const kind of LISTING_KINDS) {
    const spec = KINDS[kind];
    for (let after = 0; ;) {
      const ids = await listingIdsAfter(db, spec, after, BATCH);
      if (ids.length === 0) break;
      const listings = await listingsByIds(db, spec, ids);
      await db.transaction(async (tx) => {
        for (const l of listings) await writeReading(tx, spec, l.id, readingOf(kind, storedValues(spec, l)));
      });
      n += listings.length;
      after = ids[ids.length - 1];
    }
  }
  await setReadingsVersion(db, version);
  return n;
}
