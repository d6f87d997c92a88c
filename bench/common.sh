# Shared by bench/run and bench/serve-edit (sourced, not run).
# Everything generated goes under bench/work/ (git-ignored).

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/work"
BIN="$WORK/bin"             # a private copy of the Release build, so others' edits to src/ don't disturb a run
THEME="$WORK/theme"         # a private copy of theme/ (with Pagefind), taken with the binary
DLL="$BIN/cqcguide.dll"
TODAY="2026-01-15"          # --date for CqcGuide: every generated next_review is after it

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

apt_updated=0
apt_install() {
    # apt_install PACKAGE... (as root, or with sudo)
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if [ "$apt_updated" -eq 0 ]; then
        $sudo apt-get update -qq >&2 || die "apt-get update failed"
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2 || die "apt-get install $* failed"
}

# Installs what is missing: hugo and GNU time (Debian), Node/npm, the dotnet SDK check, Eleventy (npm ci).
ensure_tools() {
    local need=()
    command -v hugo >/dev/null || need+=(hugo)
    [ -x /usr/bin/time ] || need+=(time)
    command -v node >/dev/null || need+=(nodejs)
    command -v npm >/dev/null || need+=(npm)
    command -v python3 >/dev/null || need+=(python3)
    if [ "${#need[@]}" -gt 0 ]; then
        say "Installing with apt-get: ${need[*]}"
        apt_install "${need[@]}"
    fi
    command -v dotnet >/dev/null || die "dotnet is not installed (the .NET 10 SDK is needed to build CqcGuide)"
    if [ ! -x "$BENCH/node_modules/.bin/eleventy" ] || [ "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]; then
        say "Installing Eleventy (npm ci in bench/)"
        (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci in bench/ failed"
    fi
}

# Publishes CqcGuide in Release, ReadyToRun (precompiled, as a command-line tool ships), into bench/work/bin, and
# copies the theme into bench/work/.
# With NO_BUILD=1, reuses the copy from an earlier run when there is one.
ensure_binary() {
    if [ "${NO_BUILD:-0}" = 1 ] && [ -f "$DLL" ] && [ -f "$THEME/layouts/base.liquid" ]; then
        say "Reusing the CqcGuide build in bench/work/bin (--no-build)"
        return
    fi
    say "Publishing CqcGuide (Release, ReadyToRun)"
    local log="$WORK/dotnet-build.log"
    mkdir -p "$WORK"
    rm -rf "$WORK/publish"
    if ! dotnet publish "$REPO/src/CqcGuide" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
            -o "$WORK/publish" -nologo -v q >"$log" 2>&1; then
        grep -E "error" "$log" | sort -u | head -20 >&2
        if [ -f "$DLL" ] && [ -f "$THEME/layouts/base.liquid" ]; then
            say "bench: dotnet build failed (full log: $log); measuring the earlier copy in bench/work/bin instead (source $(cat "$BIN/SOURCE" 2>/dev/null || echo '?'))"
            return
        fi
        die "dotnet build failed (full log: $log)"
    fi
    rm -rf "$BIN" "$THEME"
    mkdir -p "$BIN"
    cp -a "$WORK/publish/." "$BIN/"
    # Which source this copy was built from (read-only git queries), for the results' version line.
    { git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?'
      [ -n "$(git -C "$REPO" status --porcelain -- src theme 2>/dev/null)" ] && echo ' + uncommitted changes in src/ or theme/' || true
    } | tr -d '\n' >"$BIN/SOURCE"
    # The theme with its installed Pagefind (so the search run does not time an npm install); vnu-jar is test-only.
    mkdir -p "$THEME"
    (cd "$REPO/theme" && tar --exclude=./node_modules/vnu-jar -cf - .) | (cd "$THEME" && tar -xf -)
    if ! ls "$THEME"/node_modules/@pagefind/*/bin/pagefind* >/dev/null 2>&1; then
        say "Installing Pagefind into the theme copy (npm ci --omit=dev)"
        (cd "$THEME" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >&2) || die "npm ci in the theme copy failed"
    fi
}

# Generates bench/work/corpus-N unless it is there and was made by the same generator and templates.
ensure_corpus() {
    local n="$1" dir="$WORK/corpus-$1" stamp
    stamp="$(cat "$BENCH/gen.py" "$REPO/theme/assets/css/site.css" $(find "$BENCH/hugo" "$BENCH/eleventy" -type f | sort) | sha256sum | cut -c1-16)-$n"
    if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then
        return
    fi
    say "Generating the $n-page corpus in bench/work/corpus-$n"
    python3 "$BENCH/gen.py" --pages "$n" --out "$dir" >&2 || die "corpus generation failed"
    echo "$stamp" >"$dir/.stamp"
}
