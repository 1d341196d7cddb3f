#!/bin/sh
# nestor-it replacement for /etc/udhcpc/default.script (passed with -s). Records the event ($1) and the
# variables udhcpc exports, configures the address inside the test namespace only; never touches
# /etc/resolv.conf or the hostname.
RECORD='@RECORD@'
{ echo "=== EVENT $1"; env | LC_ALL=C sort; echo "=== END"; } >> "$RECORD"
case "$1" in
  bound|renew)
    ip -4 addr replace "$ip/${mask:-24}" dev "$interface"
    for r in $router; do ip -4 route replace default via "$r" dev "$interface"; break; done ;;
  deconfig)
    ip -4 addr flush dev "$interface" ;;
esac
exit 0
