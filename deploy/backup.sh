#!/bin/sh
# The compose file's backup service: a custom-format pg_dump now and then every BACKUP_EVERY_SECONDS,
# keeping BACKUP_KEEP_DAYS days of them in /backups (./backups on the host). Restore: README "Production".
set -eu
while :; do
  file="/backups/cbm-$(date -u +%Y%m%dT%H%M%SZ).dump"
  if pg_dump --format=custom --no-owner --file="$file.partial"; then
    mv "$file.partial" "$file"
    echo "backup: $file ($(du -h "$file" | cut -f1))"
  else
    rm -f "$file.partial"
    echo "backup: pg_dump failed" >&2
  fi
  find /backups -name 'cbm-*.dump' -mtime "+${BACKUP_KEEP_DAYS}" -delete
  sleep "${BACKUP_EVERY_SECONDS}"
done
