# Sourced by .ci/run: ensure_postgres leaves a reachable server in DATABASE_URL.
# The machine image runs PostgreSQL with trust auth on 127.0.0.1:5432; a fresh Debian install does not,
# so this starts a stopped cluster, installs one if missing, and sets a password when trust is off.

pg_reachable() {
  PGCONNECT_TIMEOUT=3 psql "$1" -Atc 'SELECT 1' >/dev/null 2>&1
}

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ] && pg_reachable "$DATABASE_URL"; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL not installed: installing it from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | grep -q "online"; then
    echo "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && break
    sleep 1
  done
  if pg_reachable "postgres://postgres@127.0.0.1:5432/postgres"; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
    return 0
  fi
  echo "no trust auth on 127.0.0.1: giving the postgres role a CI password"
  runuser -u postgres -- psql -qc "ALTER ROLE postgres PASSWORD 'postgres'"
  export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:5432/postgres"
  pg_reachable "$DATABASE_URL"
}
