#!/bin/sh
# nestor-it replacement for /usr/lib/dhcpcd/dhcpcd-run-hooks (passed with --script). dhcpcd configures
# addresses and routes itself (inside the test namespace); this only records the event, so none of the
# system hooks (resolv.conf, hostname, NTP) ever runs.
RECORD='@RECORD@'
{ echo "=== EVENT $reason"; env | LC_ALL=C sort; echo "=== END"; } >> "$RECORD"
exit 0
