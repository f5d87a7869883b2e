# shellcheck shell=bash
# Shared helpers for scripts/*.sh and .ci/run. Source it; callers set
# `set -euo pipefail` themselves.
#
#   ensure_node_major N     put Node N first on PATH when `node` is older
#                           (fetched once from the npm registry)
#   ensure_node_deps        npm ci when node_modules is missing or stale
#   ensure_build            npm run build when dist/ is missing or stale
#   ensure_postgres URL     make the PostgreSQL server of URL reachable
#   ensure_redis URL        make the Redis server of URL reachable
#   load_env_file FILE      KEY=VALUE lines into the environment (set ones win)
#
# Environment knobs:
#   PG_INSTALL_MISSING=1    (CI) as root with apt-get, install Debian's
#                           postgresql / redis-server when they are missing.

PRAGUE_GRANTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PRAGUE_GRANTS_ROOT

log() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  {
    printf 'error: %s\n' "$1"
    shift
    if (($#)); then printf '%s\n' "$@" | sed 's/^/       /'; fi
  } >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

# --------------------------------------------------------------------------
# .env loading (dotenv-like: no shell expansion, variables already set in the
# environment take precedence over the file).
# --------------------------------------------------------------------------
load_env_file() {
  local file=$1 line key val n=0
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    line=${line#"${line%%[![:space:]]*}"}
    line=${line#export }
    if [[ ! $line =~ ^([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.*)$ ]]; then
      warn "$file:$n: ignoring line that is not KEY=VALUE"
      continue
    fi
    key=${BASH_REMATCH[1]}
    val=${BASH_REMATCH[2]}
    if [[ $val =~ ^\"(.*)\"[[:space:]]*(#.*)?$ ]] || [[ $val =~ ^\'(.*)\'[[:space:]]*(#.*)?$ ]]; then
      val=${BASH_REMATCH[1]}
    else
      val=$(printf '%s' "$val" | sed -E 's/[[:space:]]+#.*$//; s/[[:space:]]+$//')
    fi
    [[ -n ${!key+set} ]] && continue
    export "$key=$val"
  done <"$file"
}

# --------------------------------------------------------------------------
# Node itself, dependencies and build
# --------------------------------------------------------------------------

# node_major: the major version of the `node` on PATH (0 when there is none).
node_major() {
  local v
  v=$(node --version 2>/dev/null) || {
    echo 0
    return
  }
  v=${v#v}
  echo "${v%%.*}"
}

# ensure_node_major N: when the machine's Node is older than N, fetch Node N
# (the npm registry's node-<platform>-<arch> package, which ships the binary;
# no install script is needed) into a cache outside the checkout and put its
# bin/ first on PATH, so everything after it (npm included: npm's CLI runs on
# the `node` it finds) uses it. The cache is reused while it holds an N.x.
ensure_node_major() {
  local want=$1 have_major
  have_major=$(node_major)
  if ((have_major >= want)); then
    log "Node $(node --version) (>= $want)"
    return 0
  fi
  have npm || die "Node.js $want is needed and npm is not installed to fetch it."
  local platform arch
  case $(uname -s) in
    Linux) platform=linux ;;
    Darwin) platform=darwin ;;
    *) die "Node.js $want is needed; fetch it by hand on $(uname -s)." ;;
  esac
  case $(uname -m) in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "Node.js $want is needed; no registry package for $(uname -m)." ;;
  esac
  local package="node-$platform-$arch"
  local prefix=${PRAGUE_GRANTS_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/prague-grants/node-$want}
  local bin=$prefix/node_modules/$package/bin
  if [[ ! -x $bin/node ]] || [[ $("$bin/node" --version 2>/dev/null) != v"$want".* ]]; then
    log "Node $(node --version 2>/dev/null || echo none) is older than $want: fetching $package@$want from the npm registry"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-package-lock --ignore-scripts \
      --no-audit --no-fund --loglevel=error "$package@$want" </dev/null ||
      die "could not fetch $package@$want from the npm registry."
    [[ -x $bin/node ]] || die "$package@$want has no bin/node."
  fi
  export PATH="$bin:$PATH"
  hash -r
  (($(node_major) == want)) || die "Node $want is not first on PATH (node --version: $(node --version))."
  log "Node $(node --version) from $bin"
}

ensure_node_deps() {
  local root=$PRAGUE_GRANTS_ROOT
  local marker=$root/node_modules/.package-lock.json
  if [[ -d $root/node_modules && -f $marker && ! $root/package-lock.json -nt $marker ]]; then
    return 0
  fi
  have npm || die "npm is not installed (Node.js >= 20.19 with npm is required)."
  log "installing Node.js dependencies (npm ci)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) ||
    die "npm ci failed (see the output above)."
}

# Prints the first input of the build that is newer than the stamp, if any.
_build_input_newer_than() {
  local stamp=$1 root=$PRAGUE_GRANTS_ROOT dir
  local -a dirs=()
  for dir in apps libs migrations bench; do
    [[ -d $root/$dir ]] && dirs+=("$root/$dir")
  done
  if ((${#dirs[@]})); then
    # bench/results holds the benchmarks' output, not sources.
    find "${dirs[@]}" -path "$root/bench/results" -prune -o -type f -newer "$stamp" -print -quit
  fi
  find "$root" -maxdepth 1 -type f \( -name 'tsconfig*.json' -o -name package-lock.json \) \
    -newer "$stamp" -print -quit
}

ensure_build() {
  local root=$PRAGUE_GRANTS_ROOT
  local stamp=$root/dist/.build-stamp changed=""
  if [[ -f $stamp ]]; then
    changed=$(_build_input_newer_than "$stamp")
    [[ -z $changed ]] && return 0
    log "building (${changed#"$root"/} changed since the last build)"
  else
    log "building (no previous build)"
  fi
  # The stamp gets the time the build *started*, so that a file edited while
  # tsc runs still triggers the next build.
  local started
  started=$(mktemp)
  if ! (cd "$root" && npm run --silent build); then
    rm -f "$started"
    die "npm run build failed (see the output above)."
  fi
  mkdir -p "$root/dist"
  touch -r "$started" "$stamp"
  rm -f "$started"
}

# --------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------

# url_host_port URL DEFAULT_PORT -> prints "host port" (host without brackets).
url_host_port() {
  local url=$1 default_port=$2 rest hostport host port
  rest=${url#*://}
  rest=${rest%%[/?#]*}
  hostport=${rest##*@}
  if [[ $hostport == \[* ]]; then
    host=${hostport#[}
    host=${host%%]*}
    port=${hostport#*]}
    port=${port#:}
  elif [[ $hostport == *:* ]]; then
    host=${hostport%:*}
    port=${hostport##*:}
  else
    host=$hostport
    port=""
  fi
  [[ -n $host ]] || host=127.0.0.1
  [[ $port =~ ^[0-9]+$ ]] || port=$default_port
  printf '%s %s\n' "$host" "$port"
}

# The URL with any password replaced by ***.
redact_url() {
  printf '%s\n' "$1" | sed -E 's#^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@]*):[^@/]*@#\1:***@#'
}

is_local_host() {
  case $1 in
    127.0.0.1 | localhost | ::1 | '') return 0 ;;
    *) return 1 ;;
  esac
}

# tcp_probe HOST PORT: a TCP connection can be opened within 2 s.
tcp_probe() {
  node -e '
    const s = require("net").connect({ host: process.argv[1], port: Number(process.argv[2]) });
    s.setTimeout(2000);
    s.on("connect", () => { s.destroy(); process.exit(0); });
    s.on("timeout", () => process.exit(1));
    s.on("error", () => process.exit(1));
  ' "$1" "$2" >/dev/null 2>&1
}

# --------------------------------------------------------------------------
# apt (only used with PG_INSTALL_MISSING=1 as root)
# --------------------------------------------------------------------------
_APT_UPDATED=0
may_install_missing() {
  [[ ${PG_INSTALL_MISSING:-0} == 1 ]] && is_root && have apt-get
}

apt_install() {
  if ((!_APT_UPDATED)); then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed."
    _APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
    die "apt-get install $* failed."
}

# Run a command as root: directly, or via non-interactive sudo.
as_root() {
  if is_root; then
    "$@"
  elif have sudo && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

_how_to_get_services() {
  printf '%s\n' \
    "Get PostgreSQL and Redis one of these ways:" \
    "  - Debian/Ubuntu:  sudo apt-get install postgresql redis-server" \
    "    (PostgreSQL must accept user postgres over TCP on 127.0.0.1 without a" \
    "     password, or put the password into DATABASE_URL)" \
    "  - Docker:         put POSTGRES_PASSWORD, DATABASE_APP_PASSWORD and JWT_SECRET in .env," \
    "    run: docker compose up -d postgres redis" \
    "    and set DATABASE_URL=postgres://postgres:<POSTGRES_PASSWORD>@127.0.0.1:5432/<db> in .env" \
    "  - or set DATABASE_URL / REDIS_URL (environment or .env) to running servers" \
    "  - or, as root on Debian/Ubuntu, rerun with PG_INSTALL_MISSING=1 to install them"
}

# --------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------
pg_ready() {
  local host=$1 port=$2
  if have pg_isready; then
    pg_isready -q -t 3 -h "$host" -p "$port"
  else
    tcp_probe "$host" "$port"
  fi
}

# wait_for SECONDS CMD...: retry CMD once a second until it succeeds.
wait_for() {
  local seconds=$1 i
  shift
  for ((i = 0; i < seconds; i++)); do
    "$@" && return 0
    sleep 1
  done
  "$@"
}

pg_installed() { have pg_lsclusters && have pg_ctlcluster; }

# Versions installed under /etc/postgresql (e.g. "15"), newest last.
pg_versions() {
  [[ -d /etc/postgresql ]] || return 0
  find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V
}

# Prints "version cluster status" for every cluster.
pg_clusters() {
  pg_lsclusters -h 2>/dev/null | awk '{ print $1, $2, $4 }'
}

pg_allow_local_trust() {
  local version=$1 cluster=$2
  local hba=/etc/postgresql/$version/$cluster/pg_hba.conf tmp
  [[ -f $hba ]] || die "no pg_hba.conf at $hba"
  grep -q '^# prague-grants: local trust' "$hba" && return 0
  log "allowing passwordless TCP logins from 127.0.0.1 and ::1 in $hba"
  tmp=$(mktemp)
  {
    printf '# prague-grants: local trust (added by scripts/lib/common.sh on a fresh install)\n'
    printf 'host    all             all             127.0.0.1/32            trust\n'
    printf 'host    all             all             ::1/128                 trust\n'
    cat "$hba"
  } >"$tmp"
  cat "$tmp" >"$hba" # keeps owner and mode of pg_hba.conf
  rm -f "$tmp"
}

# Starts every cluster that is down; fails if one could not be started.
pg_start_clusters() {
  local version cluster status failed=0
  while read -r version cluster status; do
    [[ -n $version ]] || continue
    [[ $status == online* ]] && continue
    log "starting PostgreSQL cluster $version/$cluster"
    if ! as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start; then
      warn "could not start PostgreSQL cluster $version/$cluster"
      failed=1
    fi
  done < <(pg_clusters)
  ((!failed))
}

pg_install() {
  local fresh_clusters=0 version
  apt_install postgresql postgresql-client
  if [[ -z $(pg_clusters) ]]; then
    version=$(pg_versions | tail -n 1)
    [[ -n $version ]] || die "PostgreSQL was installed but /etc/postgresql is empty."
    log "creating PostgreSQL cluster $version/main"
    pg_createcluster "$version" main >/dev/null
  fi
  # Just installed: let local TCP connections in without a password.
  local cluster status
  while read -r version cluster status; do
    [[ -n $version ]] || continue
    pg_allow_local_trust "$version" "$cluster"
    if [[ $status == online* ]]; then
      pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" reload
    fi
    fresh_clusters=1
  done < <(pg_clusters)
  ((fresh_clusters)) || die "PostgreSQL was installed but has no cluster."
}

ensure_postgres() {
  local url=$1 host port shown
  read -r host port < <(url_host_port "$url" 5432)
  shown=$(redact_url "$url")
  pg_ready "$host" "$port" && return 0

  if ! is_local_host "$host"; then
    die "PostgreSQL is not reachable at $shown ($host:$port)." \
      "Check DATABASE_URL and that the server is running and reachable from here."
  fi

  if ! pg_installed; then
    if may_install_missing; then
      log "PostgreSQL is not installed; installing Debian's postgresql (PG_INSTALL_MISSING=1)"
      pg_install
    else
      die "PostgreSQL is not running at $shown and is not installed on this machine." \
        "$(_how_to_get_services)"
    fi
  fi

  if [[ -z $(pg_clusters) ]]; then
    local version
    version=$(pg_versions | tail -n 1)
    if may_install_missing && [[ -n $version ]]; then
      log "creating PostgreSQL cluster $version/main"
      pg_createcluster "$version" main >/dev/null
      pg_allow_local_trust "$version" main
    else
      die "PostgreSQL is installed but has no cluster." \
        "Create and start one:  sudo pg_createcluster ${version:-<version>} main --start"
    fi
  fi

  if ! pg_clusters | grep -qv ' online'; then
    die "PostgreSQL is running here, but nothing answers at $host:$port ($shown)." \
      "Point DATABASE_URL at the port of one of these clusters:" "$(pg_lsclusters 2>&1)"
  fi
  if ! pg_start_clusters; then
    die "PostgreSQL is installed but not running at $shown, and it could not be started here" \
      "(starting a cluster needs root or passwordless sudo). Start it with:" \
      "  sudo service postgresql start     (or: sudo pg_ctlcluster <version> main start)" \
      "Clusters:" "$(pg_lsclusters 2>&1)"
  fi

  log "waiting for PostgreSQL at $host:$port"
  wait_for 30 pg_ready "$host" "$port" ||
    die "PostgreSQL did not become ready at $host:$port within 30 s." \
      "Clusters (is one on port $port?):" "$(pg_lsclusters 2>&1)"
  log "PostgreSQL is ready at $host:$port"
}

# --------------------------------------------------------------------------
# Redis
# --------------------------------------------------------------------------
redis_ready() {
  local host=$1 port=$2 tls=${3:-0} out
  if [[ $tls == 0 ]] && have redis-cli; then
    out=$(redis-cli -h "$host" -p "$port" ping 2>&1) || true
    # A server that wants a password still counts as reachable.
    [[ $out == PONG || $out == *NOAUTH* || $out == *WRONGPASS* ]]
  else
    tcp_probe "$host" "$port"
  fi
}

_redis_major() {
  redis-server --version 2>/dev/null | sed -nE 's/.* v=([0-9]+)\..*/\1/p'
}

_have_ipv6_loopback() {
  [[ -r /proc/net/if_inet6 ]] && grep -q '^00000000000000000000000000000001 ' /proc/net/if_inet6
}

# _redis_start PORT BIND...: start a throwaway, non-persistent daemon.
_redis_start() {
  local port=$1
  shift
  log "starting redis-server on port $port (bind $*)"
  redis-server --daemonize yes --bind "$@" --port "$port" --save "" --appendonly no \
    --maxmemory-policy noeviction --dir /tmp --logfile /tmp/prague-grants-redis.log
}

ensure_redis() {
  local url=$1 host port shown tls=0
  read -r host port < <(url_host_port "$url" 6379)
  [[ $url == rediss://* ]] && tls=1
  shown=$(redact_url "$url")
  redis_ready "$host" "$port" "$tls" && return 0

  if ! is_local_host "$host"; then
    die "Redis is not reachable at $shown ($host:$port)." \
      "Check REDIS_URL and that the server is running and reachable from here."
  fi

  if ! have redis-server; then
    if may_install_missing; then
      log "Redis is not installed; installing Debian's redis-server (PG_INSTALL_MISSING=1)"
      apt_install redis-server redis-tools
      # The package may have started its own server on the default port.
      redis_ready "$host" "$port" "$tls" && return 0
    else
      die "Redis is not running at $shown and is not installed on this machine." \
        "$(_how_to_get_services)"
    fi
  fi

  # Redis 7 understands "-::1" (bind if available); older ones do not.
  local -a binds=(127.0.0.1)
  local major
  major=$(_redis_major)
  if [[ $host == ::1 ]]; then
    binds=(::1)
    ((${major:-0} >= 7)) && binds=(::1 -127.0.0.1)
  elif ((${major:-0} >= 7)); then
    binds=(127.0.0.1 -::1)
  elif _have_ipv6_loopback; then
    binds=(127.0.0.1 ::1)
  fi

  if ! { _redis_start "$port" "${binds[@]}" && wait_for 5 redis_ready "$host" "$port"; }; then
    if [[ $host != ::1 && ${#binds[@]} -gt 1 ]]; then
      warn "redis-server did not come up bound to ${binds[*]}; retrying on 127.0.0.1 only"
      _redis_start "$port" 127.0.0.1 || true
    fi
    wait_for 30 redis_ready "$host" "$port" ||
      die "Redis did not become ready at $host:$port within 30 s." \
        "See /tmp/prague-grants-redis.log:" "$(tail -n 5 /tmp/prague-grants-redis.log 2>/dev/null)"
  fi
  log "Redis is ready at $host:$port"
}

# A command the tests need (e.g. pdftotext from poppler-utils): installed with
# apt-get when missing and allowed (CI), else stop with how to get it.
ensure_tool() {
  local command=$1 package=$2
  have "$command" && return 0
  if may_install_missing; then
    log "$command is missing; installing Debian's $package"
    apt_install "$package"
    have "$command" || die "$package was installed but $command is still missing."
  else
    die "The tests need $command: install it (Debian/Ubuntu: sudo apt-get install $package)."
  fi
}

# --------------------------------------------------------------------------
# Migrations
# --------------------------------------------------------------------------

# npm run migration:run with the CLI's per-query log kept out of sight: only
# the summary lines on success, the whole log on failure.
run_migrations() {
  local out status=0
  out=$(mktemp)
  (cd "$PRAGUE_GRANTS_ROOT" && npm run --silent migration:run) >"$out" 2>&1 || status=$?
  if ((status != 0)); then
    cat "$out" >&2
    rm -f "$out"
    die "the migrations failed (see the log above)."
  fi
  grep -E 'has been executed successfully|No migrations are pending' "$out" || true
  rm -f "$out"
}
