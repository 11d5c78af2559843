import path from 'node:path';

/** modules/market/data: the vocabulary files and eval/ */
export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
