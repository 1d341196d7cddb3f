#!/bin/sh
# nestor-it replacement for /sbin/dhclient-script (passed with -sf). It records what dhclient hands its
# script, then configures the address inside the test's own network namespace only, so unicast renew and
# release work as with the real script. It never touches /etc/resolv.conf, the hostname or any system file.
RECORD='@RECORD@'
{ echo "=== EVENT $reason"; env | LC_ALL=C sort; echo "=== END"; } >> "$RECORD"
case "$reason" in
  BOUND|RENEW|REBIND|REBOOT)
    ip -4 addr replace "$new_ip_address/${new_subnet_mask:-255.255.255.0}" dev "$interface"
    for r in $new_routers; do ip -4 route replace default via "$r" dev "$interface"; break; done ;;
  EXPIRE|FAIL|RELEASE|STOP)
    ip -4 addr flush dev "$interface" ;;
esac
exit 0
