#!/bin/sh
# nestor-it replacement for /sbin/dhclient-script in DHCPv6 mode (passed with -sf): it only records what dhclient
# hands its script (one event per address or prefix). Renewals and releases go by multicast from the link-local
# address, so nothing needs configuring, and no system file or interface outside the test namespace is touched.
RECORD='@RECORD@'
{ echo "=== EVENT $reason"; env | LC_ALL=C sort; echo "=== END"; } >> "$RECORD"
exit 0
