package dev.nestor.codec.v6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SOLICITs captured from ISC dhclient 4.4 ({@code dhclient -6}) on a veth with MAC 00:11:22:33:44:55 (UDP
 * payloads, as tcpdump showed them). Every field is asserted and each re-encodes byte for byte.
 */
class ClientPackets6Test {
    /** {@code dhclient -6 -N}: client-id DUID-LLT, ORO (23, 24, 39, 31), elapsed-time 0, IA_NA. */
    static final byte[] SOLICIT_NA = Hex.bytes("01d2ea08 0001000e 00010001 329cf24c 001122334455 "
            + "00060008 0017 0018 0027 001f 00080002 0000 0003000c 22334455 00000e10 00001518");
    /** {@code dhclient -6 -P}: the same with an IA_PD instead (no prefix hint). */
    static final byte[] SOLICIT_PD = Hex.bytes("01681ca8 0001000e 00010001 329cf251 001122334455 "
            + "00060008 0017 0018 0027 001f 00080002 0000 0019000c 22334455 00000e10 00001518");
    /** {@code dhclient -6 -N -P} with rapid-commit and {@code send fqdn.fqdn "myhost.example.org."; server-update on}. */
    static final byte[] SOLICIT_BOTH = Hex.bytes("0166d53b 0001000e 00010001 329cf25d 001122334455 "
            + "00060004 0017 0018 00080002 0000 000e0000 "
            + "00270015 01 066d79686f7374 076578616d706c65 036f7267 00 "
            + "0003000c 22334455 00000e10 00001518 0019000c 22334455 00000e10 00001518");

    static final List<byte[]> ALL = List.of(SOLICIT_NA, SOLICIT_PD, SOLICIT_BOTH);

    @Test
    void dhclientSolicitWithIaNa() throws Exception {
        Dhcp6Message m = (Dhcp6Message) Dhcp6Codec.decode(SOLICIT_NA, 0, SOLICIT_NA.length);
        assertThat(m.type()).isEqualTo(MessageType6.SOLICIT);
        assertThat(m.transactionId()).isEqualTo(0xd2ea08);
        assertThat(m.options().codes()).containsExactly(1, 6, 8, 3);
        // DUID-LLT: type 1, hardware type 1 (Ethernet), time, MAC
        assertThat(m.clientId()).contains(Hex.b("00010001 329cf24c 001122334455"));
        assertThat(m.serverId()).isEmpty();
        assertThat(m.requestedOptions()).containsExactly(OptionCodes6.DNS_SERVERS, OptionCodes6.DOMAIN_SEARCH,
                OptionCodes6.CLIENT_FQDN, OptionCodes6.SNTP_SERVERS);
        assertThat(m.elapsedTime()).contains(new ElapsedTime(0));
        assertThat(m.rapidCommit()).isFalse();
        assertThat(m.iaNa()).containsExactly(new IaNa(0x22334455L, 3600, 5400, OptionList6.empty()));
        assertThat(m.iaNa().getFirst().addresses()).isEmpty();
        assertThat(m.iaPd()).isEmpty();
        assertThat(m.clientFqdn()).isEmpty();
        assertThat(Dhcp6Codec.encode(m)).isEqualTo(SOLICIT_NA);
    }

    @Test
    void dhclientSolicitWithIaPd() throws Exception {
        Dhcp6Message m = (Dhcp6Message) Dhcp6Codec.decode(SOLICIT_PD);
        assertThat(m.type()).isEqualTo(MessageType6.SOLICIT);
        assertThat(m.transactionId()).isEqualTo(0x681ca8);
        assertThat(m.iaNa()).isEmpty();
        IaPd pd = m.iaPd().getFirst();
        assertThat(pd.iaid()).isEqualTo(0x22334455L);
        assertThat(pd.t1()).isEqualTo(3600);
        assertThat(pd.t2()).isEqualTo(5400);
        assertThat(pd.prefixes()).isEmpty();
        assertThat(pd.status()).isEmpty();
        assertThat(Dhcp6Codec.encode(m)).isEqualTo(SOLICIT_PD);
    }

    @Test
    void dhclientSolicitWithRapidCommitFqdnAndBothIas() throws Exception {
        Dhcp6Message m = (Dhcp6Message) Dhcp6Codec.decode(SOLICIT_BOTH);
        assertThat(m.transactionId()).isEqualTo(0x66d53b);
        assertThat(m.options().codes()).containsExactly(1, 6, 8, 14, 39, 3, 25);
        assertThat(m.rapidCommit()).isTrue();
        assertThat(m.option(OptionCodes6.RAPID_COMMIT)).contains(Bytes.EMPTY);
        assertThat(m.requestedOptions()).containsExactly(23, 24);
        ClientFqdn fqdn = m.clientFqdn().orElseThrow();
        assertThat(fqdn.flags()).isEqualTo(ClientFqdn.FLAG_S);
        assertThat(fqdn.domainName()).isEqualTo("myhost.example.org.");
        assertThat(fqdn.fullyQualified()).isTrue();
        assertThat(m.iaNa()).extracting(IaNa::iaid).containsExactly(0x22334455L);
        assertThat(m.iaPd()).extracting(IaPd::iaid).containsExactly(0x22334455L);
        assertThat(Dhcp6Codec.encode(m)).isEqualTo(SOLICIT_BOTH);
    }

    @Test
    void aServerCanBuildAnAdvertiseForTheSolicit() throws Exception {
        Dhcp6Message solicit = (Dhcp6Message) Dhcp6Codec.decode(SOLICIT_NA);
        IaNa asked = solicit.iaNa().getFirst();
        Bytes addr = dev.nestor.codec.net.Ipv6.parse("2001:db8:1::100");
        Dhcp6Message adv = Dhcp6Message.replyTo(solicit, MessageType6.ADVERTISE)
                .withOption(OptionCodes6.SERVERID, Hex.b("000100012a2b2c2d0a0b0c0d0e0f"))
                .withOption(OptionCodes6.CLIENTID, solicit.clientId().orElseThrow())
                .plusOption(IaNa.of(asked.iaid(), 1000, 2000, IaAddress.of(addr, 3000, 4000)))
                .plusOption(new Preference(255));
        byte[] wire = Dhcp6Codec.encode(adv);
        assertThat(wire).isEqualTo(Hex.bytes("02d2ea08",
                Hex.tlv(2, "000100012a2b2c2d0a0b0c0d0e0f"),
                Hex.tlv(1, "00010001329cf24c001122334455"),
                Hex.tlv(3, "22334455 000003e8 000007d0" + Hex.tlv(5, Hex.addr("2001:db8:1::100") + "00000bb8 00000fa0")),
                Hex.tlv(7, "ff")));
        Dhcp6Message back = (Dhcp6Message) Dhcp6Codec.decode(wire);
        assertThat(back).isEqualTo(adv);
        assertThat(back.iaNa().getFirst().addresses().getFirst().address()).isEqualTo(addr);
    }
}
