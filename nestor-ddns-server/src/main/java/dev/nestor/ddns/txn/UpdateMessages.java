package dev.nestor.ddns.txn;

import dev.nestor.ddns.config.ReverseName;
import dev.nestor.ddns.ncr.ConflictResolutionMode;
import dev.nestor.ddns.ncr.NameChangeRequest;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DHCIDRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import static dev.nestor.ddns.ncr.ConflictResolutionMode.CHECK_EXISTS_WITH_DHCID;
import static dev.nestor.ddns.ncr.ConflictResolutionMode.CHECK_WITH_DHCID;
import static dev.nestor.ddns.ncr.ConflictResolutionMode.NO_CHECK_WITHOUT_DHCID;

/**
 * The RFC 2136 UPDATE messages of each transaction step, per conflict resolution mode, with the prerequisites and
 * updates Kea's D2 sends ({@code nc_add.cc}, {@code check_exists_add.cc}, {@code simple_add.cc},
 * {@code simple_add_without_dhcid.cc} and their remove counterparts). RRset notation below: class NONE/ANY as in
 * RFC 2136 section 2.4 (prerequisites) and 2.5 (updates).
 */
final class UpdateMessages {
    private final NameChangeRequest ncr;
    private final ConflictResolutionMode mode;
    private final Name fqdn;
    private final Name reverse;
    private final long ttl;

    UpdateMessages(NameChangeRequest ncr) {
        this.ncr = ncr;
        this.mode = ncr.conflictResolutionMode();
        try {
            this.fqdn = Name.fromString(ncr.fqdn());
            this.reverse = Name.fromString(ReverseName.of(ncr.ipAddress()));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("cannot use name " + ncr.fqdn() + ": " + e.getMessage(), e);
        }
        this.ttl = ncr.leaseLength();
    }

    Name fqdn() {
        return fqdn;
    }

    Name reverse() {
        return reverse;
    }

    private int addressType() {
        return ncr.isV6() ? Type.AAAA : Type.A;
    }

    private Record address(long t) {
        return ncr.isV6() ? new AAAARecord(fqdn, DClass.IN, t, ncr.ipAddress()) : new ARecord(fqdn, DClass.IN, t, ncr.ipAddress());
    }

    private Record dhcid(Name owner, long t) {
        return new DHCIDRecord(owner, DClass.IN, t, ncr.dhcid().toArray());
    }

    private Record ptr(long t) {
        return new PTRRecord(reverse, DClass.IN, t, fqdn);
    }

    private static Update update(Name zone) {
        return new Update(zone, DClass.IN);
    }

    /** Check modes, first forward step: the name must not exist (NONE ANY); add address + DHCID. */
    Update addForward(Name zone) {
        Update u = update(zone);
        u.absent(fqdn);
        u.add(address(ttl));
        u.add(dhcid(fqdn, ttl));
        return u;
    }

    /** Replace the forward address: guarded by the DHCID in the check modes, unguarded otherwise. */
    Update replaceForward(Name zone) {
        Update u = update(zone);
        switch (mode) {
            case CHECK_WITH_DHCID -> {
                u.present(fqdn);               // ANY ANY: the name is in use
                u.present(dhcid(fqdn, 0));     // IN DHCID <ours>: and it is ours
                u.delete(fqdn, addressType());
                u.add(address(ttl));
            }
            case CHECK_EXISTS_WITH_DHCID -> {
                u.present(fqdn, Type.DHCID);   // ANY DHCID: some DHCP client owns it
                u.delete(fqdn, addressType());
                u.delete(fqdn, Type.DHCID);
                u.add(address(ttl));
                u.add(dhcid(fqdn, ttl));
            }
            case NO_CHECK_WITH_DHCID -> {
                u.delete(fqdn, addressType());
                u.delete(fqdn, Type.DHCID);
                u.add(address(ttl));
                u.add(dhcid(fqdn, ttl));
            }
            case NO_CHECK_WITHOUT_DHCID -> {
                u.delete(fqdn, addressType());
                u.add(address(ttl));
            }
        }
        return u;
    }

    /** Replace the reverse mapping: no prerequisites in any mode (RFC 4703 section 5.4). */
    Update replaceReverse(Name zone) {
        Update u = update(zone);
        u.delete(reverse, Type.PTR);
        if (mode != NO_CHECK_WITHOUT_DHCID) u.delete(reverse, Type.DHCID);
        u.add(ptr(ttl));
        if (mode != NO_CHECK_WITHOUT_DHCID) u.add(dhcid(reverse, ttl));
        return u;
    }

    /** Check modes, first removal step: delete our address RR if the DHCID says the name is ours. */
    Update removeForwardAddress(Name zone) {
        Update u = update(zone);
        if (mode == CHECK_WITH_DHCID) u.present(dhcid(fqdn, 0));
        else u.present(fqdn, Type.DHCID);
        u.delete(address(0));                  // NONE A <address>: just this RR
        return u;
    }

    /** Remove what is left of the name: once no address of either family remains in the check modes. */
    Update removeForwardRemaining(Name zone) {
        Update u = update(zone);
        switch (mode) {
            case CHECK_WITH_DHCID -> {
                u.present(dhcid(fqdn, 0));
                u.absent(fqdn, Type.A);
                u.absent(fqdn, Type.AAAA);
                u.delete(fqdn);                // ANY ANY: every RRset of the name
            }
            case CHECK_EXISTS_WITH_DHCID -> {
                u.absent(fqdn, Type.A);
                u.absent(fqdn, Type.AAAA);
                u.delete(fqdn, Type.DHCID);
            }
            case NO_CHECK_WITH_DHCID -> {
                u.delete(fqdn, addressType());
                u.delete(fqdn, Type.DHCID);
            }
            case NO_CHECK_WITHOUT_DHCID -> u.delete(fqdn, addressType());
        }
        return u;
    }

    /** Remove the reverse mapping: in the check modes only if its PTR names our client. */
    Update removeReverse(Name zone) {
        Update u = update(zone);
        switch (mode) {
            case CHECK_WITH_DHCID, CHECK_EXISTS_WITH_DHCID -> {
                u.present(ptr(0));
                u.delete(reverse);
            }
            case NO_CHECK_WITH_DHCID -> {
                u.delete(reverse, Type.PTR);
                u.delete(reverse, Type.DHCID);
            }
            case NO_CHECK_WITHOUT_DHCID -> u.delete(reverse, Type.PTR);
        }
        return u;
    }
}
