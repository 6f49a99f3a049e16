-- The bank's schema, format version 2 (a store of format 1 is brought to it by
-- upgrade-1-2.sql). Every table is STRICT: a value of the wrong
-- type is an error, not a silent conversion.

-- format, version, retention_months (R9)
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- K20: the staff whose duties need access, and who added them.
-- `slot` is the fingerprint of the user's key slot (keys.rs); NULL for a user of a
-- migrated store who has no passphrase of their own yet.
CREATE TABLE users (
    name     TEXT PRIMARY KEY,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    slot     TEXT
) STRICT;

-- B3, B4, B6: candidates who passed a competition. AUTOINCREMENT: an id is never
-- given twice, also after a purge or an appointment, because lists and the audit log
-- keep referring to it.
CREATE TABLE candidates (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    unit             TEXT NOT NULL,
    surname          TEXT NOT NULL,
    name             TEXT NOT NULL,
    patronymic       TEXT,
    birth_date       TEXT NOT NULL,
    iin              TEXT NOT NULL UNIQUE,
    education_kk     TEXT NOT NULL,
    education_ru     TEXT NOT NULL,
    category         TEXT NOT NULL,
    decision         TEXT NOT NULL,
    competition_date TEXT NOT NULL,
    indicator        REAL NOT NULL,
    formula          TEXT,
    components       TEXT,
    added_by         TEXT NOT NULL,
    added_at         TEXT NOT NULL
) STRICT;

-- B11: an appointed candidate's record, moved here with the order's number and date.
CREATE TABLE employees (
    id               INTEGER PRIMARY KEY,
    unit             TEXT NOT NULL,
    surname          TEXT NOT NULL,
    name             TEXT NOT NULL,
    patronymic       TEXT,
    birth_date       TEXT NOT NULL,
    iin              TEXT NOT NULL,
    education_kk     TEXT NOT NULL,
    education_ru     TEXT NOT NULL,
    category         TEXT NOT NULL,
    decision         TEXT NOT NULL,
    competition_date TEXT NOT NULL,
    indicator        REAL NOT NULL,
    formula          TEXT,
    components       TEXT,
    added_by         TEXT NOT NULL,
    added_at         TEXT NOT NULL,
    vacancy          TEXT NOT NULL,
    order_number     TEXT NOT NULL,
    order_date       TEXT NOT NULL,
    appointed_by     TEXT NOT NULL,
    appointed_at     TEXT NOT NULL
) STRICT;

-- B5: a list of candidates for one vacancy; approved_by/approved_on are set once.
CREATE TABLE lists (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    vacancy      TEXT NOT NULL,
    category     TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    approved_by  TEXT,
    approved_on  TEXT,
    recorded_by  TEXT
) STRICT;

-- A list's members in their B10 order. `person` is a candidate's or an employee's
-- id (not a foreign key: an appointed member stays on an approved list).
CREATE TABLE list_members (
    list     INTEGER NOT NULL REFERENCES lists (id),
    position INTEGER NOT NULL,
    person   INTEGER NOT NULL,
    PRIMARY KEY (list, person)
) STRICT;

-- B12, K20: the append-only, hash-chained audit log (see audit.rs).
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    time      TEXT NOT NULL,
    user      TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    -- Format 2 (NULL in entries written before a migration): the rows the action
    -- changed, as JSON, and the digest of the bank after it (state.rs).
    changes   TEXT,
    state     TEXT
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only (B12)');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only (B12)');
END;

-- B5: an approved list is immutable, its members included.
CREATE TRIGGER approved_list_fixed BEFORE UPDATE ON lists
WHEN OLD.approved_on IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an approved list is immutable (B5)');
END;

CREATE TRIGGER approved_list_not_deleted BEFORE DELETE ON lists
WHEN OLD.approved_on IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an approved list is immutable (B5)');
END;

CREATE TRIGGER approved_list_members_fixed BEFORE DELETE ON list_members
WHEN (SELECT approved_on FROM lists WHERE id = OLD.list) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an approved list is immutable (B5)');
END;

CREATE TRIGGER approved_list_members_closed BEFORE INSERT ON list_members
WHEN (SELECT approved_on FROM lists WHERE id = NEW.list) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an approved list is immutable (B5)');
END;

CREATE TRIGGER approved_list_members_unchanged BEFORE UPDATE ON list_members
WHEN (SELECT approved_on FROM lists WHERE id = OLD.list) IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an approved list is immutable (B5)');
END;
