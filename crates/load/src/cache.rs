//! The load stage's cache on disk, `.kadr-cache/records` in the site's root: the record
//! of every record file that read without a problem, with the size, modification time
//! and inode the file had. `kadr check`, `kadr build` and `kadr serve` start from it, so
//! that a file that has not changed since the last run is not parsed again: parsing the
//! YAML is most of the time a large site takes to check (README, "Benchmarks").
//!
//! The rules run on every run, on every record: only reading files into records is
//! skipped. A file with a problem is never cached, so its diagnostics always come from
//! reading it. The cache belongs to one kadr executable (its version, size and
//! modification time are in the header); another one, an unreadable file or any
//! inconsistency in it means an empty cache, never an error. `--no-cache` neither reads
//! nor writes it. The folder holds a `.gitignore` of its own, so it is never committed.
//!
//! Format (integers little-endian, byte strings length-prefixed): the magic line, the
//! header, the records as postcard bytes one after another, the index (per entry: the
//! path relative to the root, the stamp, where its record lies), and last the index's
//! offset and the magic again. Opening reads the header and the index only; a record is
//! read from the file, and decoded, only when its file is unchanged, so that the cache
//! is never in memory whole (at 100,000 vacancies it is 1.3 GB).

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Kind, Record, Stamp};
use kadr_model::{CalendarYear, Categories, FileId, Requirement, Site, Unit, Vacancy};

/// The cache's folder in a site's root.
pub const DIR: &str = ".kadr-cache";
const FILE: &str = "records";
const MAGIC: &[u8] = b"kadr load cache 1\n";
/// Files modified less than this before a cache is written are not put in it.
const RACY: Duration = Duration::from_secs(2);

/// A cache file, open: its index, and the file to read records from.
pub struct DiskCache {
    file: fs::File,
    entries: HashMap<PathBuf, (Stamp, std::ops::Range<u64>)>,
}

/// A record as stored (the records are owned here; [`Record`] shares them).
#[derive(Deserialize)]
enum Stored {
    Site(Box<Site>),
    Categories(Box<Categories>),
    Unit(Box<Unit>),
    Requirement(Box<Requirement>),
    Vacancy(Box<Vacancy>),
    Calendar(Box<CalendarYear>),
}

/// The same, borrowed, for writing: variants in the same order as [`Stored`].
#[derive(Serialize)]
enum StoredRef<'a> {
    Site(&'a Site),
    Categories(&'a Categories),
    Unit(&'a Unit),
    Requirement(&'a Requirement),
    Vacancy(&'a Vacancy),
    Calendar(&'a CalendarYear),
}

impl DiskCache {
    /// The cache of the site at `root`, if there is a usable one.
    pub fn open(root: &Path) -> Option<DiskCache> {
        let file = fs::File::open(root.join(DIR).join(FILE)).ok()?;
        let entries = read_index(&file, root)?;
        Some(DiskCache { file, entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The record of the file at `path`, of `kind`, if it was cached with the `stamp` the
    /// file has now; as the record of file `id`.
    pub fn record(&self, path: &Path, stamp: Stamp, kind: Kind, id: FileId) -> Option<Record> {
        let (cached, range) = self.entries.get(path)?;
        if *cached != stamp {
            return None;
        }
        let mut bytes = vec![0; usize::try_from(range.end - range.start).ok()?];
        read_at(&self.file, &mut bytes, range.start).ok()?;
        let stored: Stored = postcard::from_bytes(&bytes).ok()?;
        let record = match (kind, stored) {
            (Kind::Site, Stored::Site(mut s)) => {
                s.file = id;
                Record::Site(s)
            }
            (Kind::Categories, Stored::Categories(mut c)) => {
                c.file = id;
                Record::Categories(c.into())
            }
            (Kind::Unit, Stored::Unit(mut u)) => {
                u.file = id;
                Record::Unit(u.into())
            }
            (Kind::Requirement, Stored::Requirement(mut r)) => {
                r.file = id;
                Record::Requirement(r.into())
            }
            (Kind::Vacancy, Stored::Vacancy(mut v)) => {
                v.file = id;
                Record::Vacancy(v.into())
            }
            (Kind::Calendar, Stored::Calendar(mut c)) => {
                c.file = id;
                Record::Calendar(c)
            }
            _ => return None,
        };
        Some(record)
    }
}

/// Writes the cache of the site at `root`: each `(path, stamp, record)` given. Records
/// are encoded in parallel a batch at a time, so that the cache is never all in memory
/// twice; the file is written beside the old one and then replaces it, so that a reader
/// never sees half of it.
pub fn write(root: &Path, entries: &[(&Path, Stamp, &Record)]) -> std::io::Result<()> {
    // A file changed in the last moments may change again, to the same size, within the
    // file system's clock tick: its stamp would not tell. It is read again next time
    // instead (git treats such files as "racily clean" in the same way).
    let settled = SystemTime::now()
        .checked_sub(RACY)
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let entries: Vec<(&str, Stamp, StoredRef)> = entries
        .iter()
        .filter_map(|&(path, stamp, record)| {
            // Without a modification time a change of the same size would go unseen.
            if stamp.modified? > settled {
                return None;
            }
            let rel = path.strip_prefix(root).ok()?.to_str()?;
            let stored = match record {
                Record::Site(s) => StoredRef::Site(s),
                Record::Categories(c) => StoredRef::Categories(c),
                Record::Unit(u) => StoredRef::Unit(u),
                Record::Requirement(r) => StoredRef::Requirement(r),
                Record::Vacancy(v) => StoredRef::Vacancy(v),
                Record::Calendar(c) => StoredRef::Calendar(c),
                Record::PartialVacancy(_) => return None,
            };
            Some((rel, stamp, stored))
        })
        .collect();

    let dir = root.join(DIR);
    fs::create_dir_all(&dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        fs::write(&ignore, "# kadr's cache: not for the repository\n*\n")?;
        fs::write(
            dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n# kadr's cache (https://bford.info/cachedir/)\n",
        )?;
    }
    // One writer at a time: a run that finds the cache being written by another leaves
    // it to that one (it wrote what the two read). The lock is held until the new cache
    // is in place, and under it the temporary files of killed runs are removed.
    let lock = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join("lock"))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => return Ok(()),
        Err(fs::TryLockError::Error(e)) => return Err(e),
    }
    for entry in fs::read_dir(&dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&format!("{FILE}.")) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
    let temporary = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::io::BufWriter::new(fs::File::create(&temporary)?);
        let mut head = Vec::new();
        head.extend_from_slice(MAGIC);
        put_bytes(&mut head, identity().as_bytes());
        file.write_all(&head)?;
        let mut at = head.len() as u64;
        let mut index = Vec::new();
        index.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for batch in entries.chunks(256) {
            let encoded: Vec<Option<Vec<u8>>> = batch
                .par_iter()
                .map(|(_, _, stored)| postcard::to_stdvec(stored).ok())
                .collect();
            for ((path, stamp, _), record) in batch.iter().zip(encoded) {
                let record =
                    record.ok_or_else(|| std::io::Error::other("a record did not encode"))?;
                file.write_all(&record)?;
                put_bytes(&mut index, path.as_bytes());
                let (secs, nanos) = since_epoch(stamp.modified);
                index.extend_from_slice(&stamp.len.to_le_bytes());
                index.extend_from_slice(&secs.to_le_bytes());
                index.extend_from_slice(&nanos.to_le_bytes());
                index.extend_from_slice(&stamp.inode.to_le_bytes());
                index.extend_from_slice(&at.to_le_bytes());
                index.extend_from_slice(&(record.len() as u64).to_le_bytes());
                at += record.len() as u64;
            }
        }
        file.write_all(&index)?;
        file.write_all(&at.to_le_bytes())?;
        file.write_all(MAGIC)?;
        // No fsync: a cache lost in a crash is only read again from the records, and a
        // damaged one is recognised and ignored.
        file.flush()?;
        drop(file);
        fs::rename(&temporary, dir.join(FILE))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Which kadr wrote a cache: its version and its executable's size and modification
/// time (a rebuilt kadr of the same version may read files differently).
fn identity() -> String {
    let exe = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|m| (m.len(), since_epoch(m.modified().ok())))
        .unwrap_or_default();
    format!("kadr {} {} {:?}", env!("CARGO_PKG_VERSION"), exe.0, exe.1)
}

fn since_epoch(time: Option<SystemTime>) -> (u64, u32) {
    time.and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()))
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Reads `bytes` at `offset` of `file`, whole.
fn read_at(file: &fs::File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read as _, Seek as _};
        let mut file = file;
        file.seek(std::io::SeekFrom::Start(offset))?;
        file.read_exact(bytes)
    }
}

/// The index of an open cache file; `None` if it is not one of this kadr's or is
/// damaged anywhere.
fn read_index(
    file: &fs::File,
    root: &Path,
) -> Option<HashMap<PathBuf, (Stamp, std::ops::Range<u64>)>> {
    let size = file.metadata().ok()?.len();
    let identity = identity();
    let head_len = (MAGIC.len() + 8 + identity.len()) as u64;
    let tail_len = (8 + MAGIC.len()) as u64;
    if size < head_len + 8 + tail_len {
        return None;
    }
    let mut head = vec![0; usize::try_from(head_len).ok()?];
    read_at(file, &mut head, 0).ok()?;
    let mut r = Reader {
        bytes: &head,
        at: 0,
    };
    if r.take(MAGIC.len())? != MAGIC || head.get(r.range()?)? != identity.as_bytes() {
        return None;
    }
    let mut tail = vec![0; usize::try_from(tail_len).ok()?];
    read_at(file, &mut tail, size - tail_len).ok()?;
    let index_at = u64::from_le_bytes(tail[..8].try_into().ok()?);
    if &tail[8..] != MAGIC || index_at < head_len || index_at > size - tail_len {
        return None;
    }
    let mut index = vec![0; usize::try_from(size - tail_len - index_at).ok()?];
    read_at(file, &mut index, index_at).ok()?;

    let mut r = Reader {
        bytes: &index,
        at: 0,
    };
    let count = r.u64()?;
    let mut entries = HashMap::with_capacity(usize::try_from(count).ok()?.min(1 << 20));
    for _ in 0..count {
        let path = std::str::from_utf8(index.get(r.range()?)?).ok()?;
        let len = r.u64()?;
        let secs = r.u64()?;
        let nanos = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
        let inode = r.u64()?;
        let start = r.u64()?;
        let end = start.checked_add(r.u64()?)?;
        // Records lie between the header and the index.
        if start < head_len || end > index_at {
            return None;
        }
        let modified = (secs, nanos) != (0, 0);
        let stamp = Stamp {
            len,
            modified: modified
                .then(|| SystemTime::UNIX_EPOCH.checked_add(Duration::new(secs, nanos)))
                .flatten(),
            inode,
        };
        // A path from elsewhere (`..`, absolute) is no file of this site.
        let rel = Path::new(path);
        if rel.is_absolute()
            || rel
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return None;
        }
        entries.insert(root.join(rel), (stamp, start..end));
    }
    (r.at == index.len()).then_some(entries)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A length-prefixed run of bytes: where it lies.
    fn range(&mut self) -> Option<std::ops::Range<usize>> {
        let n = usize::try_from(self.u64()?).ok()?;
        let start = self.at;
        self.take(n)?;
        Some(start..start + n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kadr_model::{Pos, Spanned};

    fn year(file: FileId) -> Record {
        Record::Calendar(Box::new(CalendarYear {
            file,
            year: Spanned::new(2026, Pos::START),
            holidays: Vec::new(),
            days_off: Vec::new(),
            transfers: Vec::new(),
            sources: Vec::new(),
        }))
    }

    fn stamp() -> Stamp {
        Stamp {
            len: 10,
            modified: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600)),
            inode: 5,
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kadr-cache-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_record_is_read_back_only_for_its_unchanged_file_of_its_kind() {
        let root = scratch("round-trip");
        let path = root.join("content/calendar/2026.yaml");
        write(&root, &[(&path, stamp(), &year(FileId(7)))]).unwrap();
        let cache = DiskCache::open(&root).unwrap();
        assert_eq!(cache.len(), 1);
        match cache.record(&path, stamp(), Kind::Calendar, FileId(3)) {
            Some(Record::Calendar(c)) => {
                assert_eq!(c.file, FileId(3), "the record takes this run's file id");
                assert_eq!(c.year.value, 2026);
            }
            _ => panic!("the record is not read back"),
        }
        let grown = Stamp { len: 11, ..stamp() };
        assert!(
            cache
                .record(&path, grown, Kind::Calendar, FileId(3))
                .is_none()
        );
        assert!(
            cache
                .record(&path, stamp(), Kind::Unit, FileId(3))
                .is_none()
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn an_entry_naming_a_file_outside_the_site_makes_the_cache_unusable() {
        let root = scratch("outside");
        let inside = root.join("content/calendar/2026.yaml");
        write(&root, &[(&inside, stamp(), &year(FileId(0)))]).unwrap();
        assert!(DiskCache::open(&root).is_some());
        // The same path, but climbing out of the site: same length, so the framing holds.
        let cache = root.join(DIR).join(FILE);
        let bytes = fs::read(&cache).unwrap();
        let at = bytes
            .windows(b"content/calendar".len())
            .position(|w| w == b"content/calendar")
            .unwrap();
        let mut climbing = bytes.clone();
        climbing[at..at + 8].copy_from_slice(b"../../..");
        fs::write(&cache, climbing).unwrap();
        assert!(DiskCache::open(&root).is_none());
        fs::remove_dir_all(&root).unwrap();
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(64))]
        /// Whatever a damaged cache holds, opening it and reading records from it
        /// gives records or nothing, never a panic.
        #[test]
        fn a_damaged_cache_never_panics(
            flips in proptest::collection::vec((0usize..4096, 1u8..=255), 1..8),
            cut in proptest::option::of(0usize..4096),
        ) {
            let root = scratch(&format!("damaged-{}", flips[0].0));
            let path = root.join("content/calendar/2026.yaml");
            write(&root, &[(&path, stamp(), &year(FileId(1)))]).unwrap();
            let cache = root.join(DIR).join(FILE);
            let mut bytes = fs::read(&cache).unwrap();
            for (at, mask) in flips {
                let n = bytes.len();
                bytes[at % n] ^= mask;
            }
            if let Some(cut) = cut {
                bytes.truncate(cut % (bytes.len() + 1));
            }
            fs::write(&cache, &bytes).unwrap();
            if let Some(open) = DiskCache::open(&root) {
                let _ = open.record(&path, stamp(), Kind::Calendar, FileId(2));
            }
            fs::remove_dir_all(&root).unwrap();
        }
    }

    #[test]
    fn files_changed_in_the_last_moments_are_not_cached() {
        let root = scratch("racy");
        let path = root.join("content/calendar/2026.yaml");
        let now = Stamp {
            modified: Some(SystemTime::now()),
            ..stamp()
        };
        write(&root, &[(&path, now, &year(FileId(0)))]).unwrap();
        assert_eq!(DiskCache::open(&root).unwrap().len(), 0);
        fs::remove_dir_all(&root).unwrap();
    }
}
