import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  /** the mount point: a real, small file system to use as DATA_DIR */
  dir: string;
  /**
   * Fills the file system with a filler file until the kernel answers ENOSPC, as a log or a backup
   * filling DATA_DIR does. Returns `free()`, which deletes the filler ("space was freed").
   */
  fill(): () => void;
  unmount(): void;
}

let mountable: boolean | undefined;

/** Whether this machine lets the tests mount a tmpfs (root with CAP_SYS_ADMIN, as in CI). */
export function canMountSmallDisk(): boolean {
  if (mountable === undefined) {
    try {
      mountSmallDisk(64 * 1024).unmount();
      mountable = true;
    } catch {
      mountable = false;
    }
  }
  return mountable;
}

/**
 * Mounts a `sizeBytes` tmpfs on a fresh temp folder. The full-disk tests need a real file system
 * that fills up: SQLite's own limits (max_page_count) leave room in partly used pages and in the WAL.
 * @example const disk = mountSmallDisk(4 * 1024 * 1024); const free = disk.fill(); free(); disk.unmount();
 */
export function mountSmallDisk(sizeBytes: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-xa-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    dir,
    fill() {
      const filler = path.join(dir, 'filler.bin');
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(4096);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        fs.closeSync(fd);
      }
      return () => fs.rmSync(filler, { force: true });
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
