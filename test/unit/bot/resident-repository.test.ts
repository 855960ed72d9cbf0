import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResidentRepository } from '../../../src/bot/resident-repository.js';
import { deleteUserData } from '../../../src/storage/delete-user-data.js';
import { openDatabase, type Db } from '../../../src/storage/open-database.js';

describe('resident repository', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-residents-'));
    db = openDatabase(path.join(dir, 'loa-xa.sqlite'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when a resident who withdrew (erased) later unfollows, then no row comes back', () => {
    const residents = createResidentRepository(db);
    residents.setFollowed('5510185758261927916', true, 1);
    deleteUserData(db, '5510185758261927916');
    residents.setFollowed('5510185758261927916', false, 2);
    expect(residents.get('5510185758261927916')).toBeUndefined();
  });

  it('when a known resident unfollows, then the row says not following', () => {
    const residents = createResidentRepository(db);
    residents.setFollowed('42', true, 1);
    residents.setFollowed('42', false, 2);
    expect(residents.get('42')?.followed).toBe(false);
  });
});
