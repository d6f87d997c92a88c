// Browser storage for a team's answers, ticks and drafts. Everything stays in this browser (localStorage); nothing
// is sent. Each record is one versioned JSON envelope with a revision counter, so two tabs never overwrite newer
// work: a write based on an older revision is refused and the caller (session.js) merges the newer record first.
// Every read is validated like an import: a record of the wrong shape is reported as corrupt, never used.

const PREFIX = 'cqcguide:';

/** The browser's storage, or null when it is turned off (some browsers throw on merely reading the property). */
function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function storageAvailable() {
  try {
    const s = storage();
    if (!s) return false;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * @typedef {{ state: 'empty' } | { state: 'ok', record: any } | { state: 'corrupt', raw: string, reason: string }
 *   | { state: 'unavailable', reason: string }} ReadResult
 * @typedef {(value: unknown) => ({ ok: true, record: any } | { ok: false, reason: string })} Validator
 */

export class RecordStore {
  /**
   * @param {string} kind "assessment", "checklist" or "log-draft"
   * @param {string} id
   * @param {Validator} [validate] checks a parsed record's shape (default: an object with a revision number)
   */
  constructor(kind, id, validate) {
    this.key = `${PREFIX}${kind}:${id}`;
    this.validate = validate || basicShape;
  }

  /** @returns {ReadResult} */
  read() {
    let raw;
    try {
      const s = storage();
      if (!s) return { state: 'unavailable', reason: 'this browser is not letting the site use its storage' };
      raw = s.getItem(this.key);
    } catch (error) {
      return { state: 'unavailable', reason: String(error) };
    }
    if (raw === null) return { state: 'empty' };
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { state: 'corrupt', raw, reason: 'the saved data is not valid JSON' };
    }
    const checked = basicShape(parsed);
    const valid = checked.ok ? this.validate(parsed) : checked;
    return valid.ok ? { state: 'ok', record: valid.record } : { state: 'corrupt', raw, reason: valid.reason };
  }

  /**
   * Writes the record if what is stored is still the revision this page read (compare and swap; with baseUpdatedAt, also
   * the same save). Returns { ok: true, record } with the new revision,
   * { ok: false, conflict: newerRecord } when another tab saved first, { ok: false, corrupt } when what is stored
   * cannot be read (it is never overwritten), or { ok: false, error } when the browser refused (storage full,
   * private mode, storage turned off).
   */
  write(record, baseRevision, baseUpdatedAt) {
    const current = this.read();
    // The save time is compared too: two tabs that raced to write the same revision differ in it, so the tab whose
    // write was replaced finds out at its next write even before the storage event reaches it.
    if (current.state === 'ok' && (current.record.revision !== baseRevision
      || (baseUpdatedAt !== undefined && current.record.updatedAt !== undefined && current.record.updatedAt !== baseUpdatedAt))) {
      return { ok: false, conflict: current.record };
    }
    if (current.state === 'corrupt') return { ok: false, corrupt: current };
    if (current.state === 'unavailable') return { ok: false, error: new Error(current.reason) };
    const next = { ...record, revision: baseRevision + 1, updatedAt: new Date().toISOString() };
    try {
      storage().setItem(this.key, JSON.stringify(next));
      return { ok: true, record: next };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** Keeps an unreadable record under a separate key (nothing is lost) and clears the main one. */
  setAside(raw) {
    const key = `${this.key}:unreadable:${Date.now()}`;
    try {
      storage().setItem(key, raw);
      storage().removeItem(this.key);
      return key;
    } catch {
      return null;
    }
  }

  /** Deletes the record. Returns { ok: true } or { ok: false, error } (storage turned off): never throws. */
  remove() {
    try {
      const s = storage();
      if (!s) return { ok: false, error: new Error('this browser is not letting the site use its storage') };
      s.removeItem(this.key);
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** Calls back with a fresh read when another tab changes this record. */
  onChange(callback) {
    window.addEventListener('storage', (event) => {
      if (event.key === this.key || event.key === null) callback(this.read());
    });
  }
}

/**
 * A RecordStore's interface with the record kept by the page alone (lost on reload), for a page that can still do its
 * work when the browser lets the site store nothing. There is no other tab to conflict with, so every write succeeds.
 */
export class PageRecordStore {
  constructor() {
    this.pageOnly = true;
    this.record = null;
  }

  /** @returns {ReadResult} */
  read() {
    return this.record ? { state: 'ok', record: this.record } : { state: 'empty' };
  }

  write(record, baseRevision) {
    this.record = { ...record, revision: baseRevision + 1, updatedAt: new Date().toISOString() };
    return { ok: true, record: this.record };
  }

  remove() {
    this.record = null;
    return { ok: true };
  }

  onChange() {}
}

function basicShape(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'the saved data is not in the expected shape' };
  if (!Number.isInteger(value.revision) || value.revision < 0) return { ok: false, reason: 'the saved data has no valid revision number' };
  return { ok: true, record: value };
}
