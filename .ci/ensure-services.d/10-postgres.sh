#!/usr/bin/env bash
# A PostgreSQL server on 127.0.0.1:5432, user postgres, trust auth on loopback:
# the store contract tests run against it. A no-op when one already answers.
# On a fresh Debian machine (as root) it installs Debian's postgresql and starts it.
set -euo pipefail

host=127.0.0.1
port=5432

answers() { command -v pg_isready >/dev/null && pg_isready -q -h "$host" -p "$port"; }

if answers; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL does not answer on $host:$port and installing it needs root." >&2
  exit 1
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing Debian's postgresql package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi

conf_dir="/etc/postgresql/$version/main"
# Trust on loopback only: the server is for tests and `make run` on this machine.
cat >"$conf_dir/pg_hba.conf" <<HBA
local   all all               trust
host    all all 127.0.0.1/32  trust
host    all all ::1/128       trust
HBA
sed -i -E "s/^#?listen_addresses\s*=.*/listen_addresses = '127.0.0.1'/" "$conf_dir/postgresql.conf"
sed -i -E "s/^#?port\s*=.*/port = $port/" "$conf_dir/postgresql.conf"

# Containers have no systemd: start the cluster directly.
if pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload
else
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi

for _ in $(seq 1 60); do
  if answers; then
    echo "PostgreSQL $version answers on $host:$port."
    exit 0
  fi
  sleep 1
done
echo "PostgreSQL $version did not start on $host:$port." >&2
exit 1
