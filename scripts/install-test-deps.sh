#!/usr/bin/env bash
# Installs the OS tools the nestor-it integration tests drive: real DHCP clients, a relay,
# Kea (for comparison runs and perfdhcp), packet capture helpers.
# Idempotent: runs apt-get only when a package is missing. Packaged daemons must never run
# on the host (they would grab port 67 or answer on real interfaces), so services are
# blocked from starting and disabled if a package started one anyway.
set -euo pipefail

PACKAGES=(
  isc-dhcp-client   # dhclient
  udhcpc            # busybox udhcpc
  dhcpcd-base       # dhcpcd binary without the system service
  kea-admin         # perfdhcp
  kea-dhcp4-server  # reference server for NESTOR_IT_SERVER=kea
  kea-dhcp6-server  # kea-dhcp6: reference DHCPv6 server, and the DHCPv6 side of the DDNS interop tests
  kea-ctrl-agent    # ships /usr/sbin/kea-shell (Debian puts kea-shell there, not in python3-kea-connector)
  python3-kea-connector  # kea-shell's Python modules (kea_conn, kea_connector3)
  openssl           # test certificates for the HTTPS control channel tests
  curl              # HTTP control channel checks
  isc-dhcp-relay    # dhcrelay
  iproute2          # ip netns / veth
  tcpdump
  socat
  python3
  bind9             # named: the DNS server the DDNS tests update (started by the tests on loopback only)
  bind9-dnsutils    # dig, to check what the DDNS tests wrote
  kea-dhcp-ddns-server  # kea-dhcp-ddns, for NCR interop tests
)
# services some of the packages above ship; none may run on the host
SERVICES=(kea-dhcp4-server kea-dhcp6-server kea-ctrl-agent kea-dhcp-ddns-server isc-dhcp-relay isc-dhcp-relay6 named bind9)

log() { echo "install-test-deps: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root (apt-get, network namespaces)"; exit 1
fi

installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  log "all packages present"
else
  log "installing: ${missing[*]}"
  # invoke-rc.d consults policy-rc.d; 101 = "action not allowed", so postinst scripts start nothing
  if [[ ! -x /usr/sbin/policy-rc.d ]] || ! grep -q 'exit 101' /usr/sbin/policy-rc.d; then
    [[ -e /usr/sbin/policy-rc.d ]] && cp -p /usr/sbin/policy-rc.d /usr/sbin/policy-rc.d.nestor-bak
    printf '#!/bin/sh\n# nestor: never start packaged daemons on this host\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --no-install-recommends)
  apt-get update -q >/dev/null
  apt-get install "${apt_opts[@]}" "${missing[@]}" >/dev/null
  for p in "${missing[@]}"; do
    installed "$p" || { log "package $p did not install"; exit 1; }
  done
fi

# Disable (and stop) any packaged service, in case something started it despite policy-rc.d.
for s in "${SERVICES[@]}"; do
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
    systemctl disable --now "$s" >/dev/null 2>&1 || true
  elif [[ -e /etc/init.d/$s ]]; then
    update-rc.d -f "$s" disable >/dev/null 2>&1 || true
  fi
done
# Stop daemons by the pid files the packages use (only those pid files, never by name).
for pidfile in /run/kea/*.pid /var/run/kea/*.pid /run/dhcrelay.pid /var/run/dhcrelay.pid /run/named/named.pid; do
  [[ -f $pidfile ]] || continue
  pid=$(tr -dc '0-9' < "$pidfile")
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    log "stopping packaged daemon pid $pid ($pidfile)"
    kill -TERM "$pid" 2>/dev/null || true
  fi
done

# Debian's AppArmor profile for dhclient only lets it run /sbin/dhclient-script and write /var/lib/dhcp; the
# tests pass their own script (-sf) and lease/pid files in a temp dir, so unload that profile where AppArmor is on.
if [[ -d /sys/kernel/security/apparmor ]] && command -v apparmor_parser >/dev/null; then
  for profile in /etc/apparmor.d/sbin.dhclient /etc/apparmor.d/usr.sbin.dhcpcd /etc/apparmor.d/usr.sbin.named; do
    if [[ -f $profile ]]; then
      apparmor_parser -R "$profile" >/dev/null 2>&1 && log "unloaded AppArmor profile $profile" || true
    fi
  done
fi

# Tools the tests expect on PATH
for t in ip dhclient udhcpc dhcpcd perfdhcp kea-dhcp4 kea-dhcp6 kea-shell dhcrelay tcpdump socat python3 openssl curl named dig tsig-keygen kea-dhcp-ddns; do
  command -v "$t" >/dev/null || { log "missing tool after install: $t"; exit 1; }
done
log "ok"
