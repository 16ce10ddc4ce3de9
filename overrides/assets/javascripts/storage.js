// What the site keeps in localStorage (saved edits, exercise progress, drill progress), under
// one policy: storage is a convenience and never fatal. Blocked, full or unreadable storage
// leaves the feature working in memory, says so in `notice`, and never overwrites what it could
// not read (a reader's progress is not lost to a bug or to another version of the site).

/** Text under `key`, or undefined (none stored, or storage blocked). */
export function readText(key) {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Store `text` under `key` (remove it when `text` is undefined); false if storage refused. */
export function writeText(key, text) {
  try {
    if (text === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}

// Where storage is blocked (a browser setting, some private modes), reading the property throws.
function storageIsBlocked() {
  try {
    return !localStorage;
  } catch {
    return true;
  }
}

/**
 * A JSON document in localStorage: `{version, ...data}`. `data` is `initial` until one is read
 * that has this `version` and passes `isValid(data)`; `upgrade(data)`, if given, fills in what
 * the version gained since that document was stored. `what` names it in notices ("progress on
 * this exercise").
 */
export class StoredJson {
  constructor(key, { version, initial, isValid, upgrade = (data) => data, what }) {
    this.key = key;
    this.version = version;
    this.initial = initial;
    this.isValid = isValid;
    this.upgrade = upgrade;
    this.what = what;
    this.data = initial;
    this.persistent = true;
    this.notice = "";
    if (storageIsBlocked()) this.useMemory(`This browser blocks storage: ${what} lasts until you leave the page.`);
    else this.readStored();
  }

  /** Take the stored document's data (`initial` if none is stored); if it cannot be read, keep
   * what this page has, in memory only from now on. */
  readStored() {
    const text = readText(this.key);
    const stored = text === undefined ? this.initial : this.parse(text);
    if (stored) this.data = stored;
    else
      this.useMemory(
        `Saved ${this.what} could not be read: it is kept in memory only, and what was saved is left as it is.`,
      );
  }

  /** The data of a stored document's text, if this version can read it; else undefined. */
  parse(text) {
    try {
      const { version, ...data } = JSON.parse(text);
      return version === this.version && this.isValid(data) ? this.upgrade(data) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Replace the data and store it (in memory only, from the first refusal on). */
  save(data) {
    this.data = data;
    if (!this.persistent) return;
    if (!writeText(this.key, JSON.stringify({ version: this.version, ...data }))) {
      const what = this.what[0].toUpperCase() + this.what.slice(1);
      this.useMemory(`${what} could not be saved (storage is full or blocked): it is kept in memory only.`);
    }
  }

  /**
   * Store `change(data)`, where `data` is what is stored now: another page of the site (a lesson
   * and the drill in two tabs) may have saved since this one read it, and its changes are kept.
   */
  update(change) {
    if (this.persistent) this.readStored();
    this.save(change(this.data));
  }

  useMemory(notice) {
    this.persistent = false;
    this.notice = notice;
  }
}
