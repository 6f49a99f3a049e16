#!/usr/bin/env bash
# kadr's benchmark harness: kadr and Hugo on the same synthetic corpus, same session.
#
#   bash benches/run.sh                 # 1,000 and 10,000 vacancies, 5 runs each
#   bash benches/run.sh --with-100k     # and 100,000 (kadr only, 3 runs)
#
# Options:
#   --sizes 1000,10000   sizes to measure (vacancies; each is a kk and a ru page)
#   --with-100k          add 100000 to the sizes
#   --runs N             runs per measurement (default 5; sizes above 10,000: --runs-large, 3)
#   --hugo-max N         largest size Hugo is measured at (default 10000: Hugo at 100k
#                        needs an estimated 15+ GiB and minutes per run)
#   --no-serve           skip the dev-server measurement
#   --serve-max N        largest size the dev server is measured at (default 10000)
#   --work DIR           where the sites and outputs go (default /dev/shm/kadr-bench: tmpfs)
#   --results DIR        raw results (default /tmp/kadr-bench/results-DATE)
#   --hyperfine          also time the cold builds with hyperfine (a cross-check; its
#                        JSON and Markdown exports go to the results folder)
#   --skip-install       don't apt-get/pip anything
#   --no-cargo-build     measure target/release/kadr as it is
#   --kadr BIN           measure this kadr binary (no cargo build, no copy)
#
# What it does: installs hugo, hyperfine, time (Debian) and PyYAML if missing; builds
# kadr in release and copies the binary (so a concurrent `cargo build` cannot swap it
# mid-run); writes site-N with `kadr generate-site` and converts it for Hugo with
# benches/hugo/convert.py; checks that both build; then runs benches/bench.py, which
# alternates kadr and Hugo run by run and prints a Markdown table. See README.md,
# "Benchmarks".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
sizes="1000,10000"
runs=5
runs_large=3
hugo_max=10000
work=/dev/shm/kadr-bench
results="/tmp/kadr-bench/results-$(date +%Y%m%d-%H%M%S)"
install=1
cargo_build=1
serve_flag=()
serve_max=10000
kadr_bin=
hyperfine=0
today=2026-11-27

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --with-100k) sizes="$sizes,100000"; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --runs-large) runs_large="$2"; shift 2 ;;
    --hugo-max) hugo_max="$2"; shift 2 ;;
    --no-serve) serve_flag=(--no-serve); shift ;;
    --serve-max) serve_max="$2"; shift 2 ;;
    --kadr) kadr_bin="$(realpath "$2")"; cargo_build=0; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --hyperfine) hyperfine=1; shift ;;
    --skip-install) install=0; shift ;;
    --no-cargo-build) cargo_build=0; shift ;;
    -h|--help) sed -n "2,25p" "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n### %s\n' "$*" >&2; }

if [ "$install" = 1 ]; then
  missing=()
  command -v hugo >/dev/null || missing+=(hugo)
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! python3 -c 'import yaml' 2>/dev/null; then
    say "installing PyYAML"
    python3 -m pip install -q pyyaml
  fi
fi

if [ "$cargo_build" = 1 ]; then
  say "cargo build --release"
  (cd "$repo" && cargo build --release --quiet)
fi
mkdir -p "$work/bin" "$results"
if [ -n "$kadr_bin" ]; then
  kadr="$kadr_bin"
  label="binary $kadr_bin"
else
  kadr="$work/bin/kadr"
  cp "$repo/target/release/kadr" "$kadr"
  # What the binary was built from (a dirty tree: other work in progress was included).
  label="$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)"
  [ "$cargo_build" = 1 ] || label="target/release/kadr, tree at $label"
fi

IFS=, read -r -a size_list <<< "$sizes"
for n in "${size_list[@]}"; do
  site="$work/site-$n" hsite="$work/hugo-$n"
  say "$n vacancies: generating $site and $hsite"
  rm -rf "$site" "$hsite" "$work/out-kadr-$n" "$work/out-hugo-$n"
  "$kadr" generate-site --vacancies "$n" --out "$site" --from "$repo" --today "$today"
  "$kadr" check --root "$site" --today "$today"
  if [ "$n" -le "$hugo_max" ]; then
    python3 "$here/hugo/convert.py" "$site" "$hsite" --today "$today"
  fi
done

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
df -h "$work" | tail -1 >&2

python3 "$here/bench.py" --kadr "$kadr" --work "$work" --sizes "$sizes" --runs "$runs" \
  --runs-large "$runs_large" --hugo-max "$hugo_max" --serve-max "$serve_max" --today "$today" \
  --results "$results" --kadr-label "$label" "${serve_flag[@]}" | tee "$results/table.md"

if [ "$hyperfine" = 1 ]; then
  for n in "${size_list[@]}"; do
    [ "$n" -le "$hugo_max" ] || continue
    say "hyperfine: cold build, $n vacancies"
    ko="$work/out-kadr-$n" ho="$work/out-hugo-$n"
    # hyperfine runs all of one command, then all of the other; bench.py alternates.
    hyperfine --runs "$runs" --warmup 1 \
      --export-json "$results/hyperfine-build-$n.json" \
      --export-markdown "$results/hyperfine-build-$n.md" \
      --prepare "rm -rf '$ko' '$ho'" \
      -n "kadr build" "'$kadr' build --root '$work/site-$n' --out '$ko' --today $today" \
      -n "hugo" "hugo --quiet -s '$work/hugo-$n' -d '$ho'"
  done
fi

echo >&2
echo "raw results: $results/results.json; sites and outputs stay in $work (rm -rf $work to free the memory)" >&2
