package dev.nestor.dhcp6;

import static dev.nestor.dhcp6.Dhcp6PipelineTest.CLIENTID;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.iaAddr;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.iaNa;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.msg;
import static dev.nestor.dhcp6.Dhcp6PipelineTest.opt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.StatusCode6;
import dev.nestor.codec.v6.StatusOption;
import org.junit.jupiter.api.Test;

/** CONFIRM as Kea's processConfirm answers it: the selected subnet alone decides, and the reply carries options. */
class Confirm6Test {
    static final String CONFIG = """
            { "Dhcp6": {
              "option-data": [ { "name": "dns-servers", "data": "2001:db8::53" } ],
              "shared-networks": [ { "name": "lan", "interface": "eth0", "subnet6": [
                  { "id": 1, "subnet": "2001:db8:1::/64", "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ] },
                  { "id": 2, "subnet": "2001:db8:2::/64", "pools": [ { "pool": "2001:db8:2::100 - 2001:db8:2::1ff" } ] } ] } ] } }
            """;

    @Test
    void onlyTheSelectedSubnetCountsAsOnLink() throws Exception {
        Pipeline6Fixture f = new Pipeline6Fixture(CONFIG);
        String oro = opt(6, "0017");
        Dhcp6Message on = f.send("eth0", msg(4, 1, CLIENTID, oro, iaNa(1, iaAddr("2001:db8:1::abc")))).orElseThrow();
        assertThat(on.status().orElseThrow()).isEqualTo(StatusOption.of(StatusCode6.SUCCESS, "All addresses are on-link"));
        assertThat(Ipv6.toString(on.option(OptionCodes6.DNS_SERVERS).orElseThrow())).isEqualTo("2001:db8::53");

        // the other subnet of the same shared network is not the selected one: Kea answers NotOnLink
        Dhcp6Message sibling = f.send("eth0", msg(4, 2, CLIENTID, oro, iaNa(1, iaAddr("2001:db8:2::abc")))).orElseThrow();
        assertThat(sibling.status().orElseThrow())
                .isEqualTo(StatusOption.of(StatusCode6.NOT_ON_LINK, "Address 2001:db8:2::abc is not on link."));
        assertThat(sibling.hasOption(OptionCodes6.DNS_SERVERS)).as("options go with a NotOnLink answer too").isTrue();

        // no subnet at all for the link
        Dhcp6Message none = f.send("eth5", msg(4, 3, CLIENTID, iaNa(1, iaAddr("2001:db8:1::abc")))).orElseThrow();
        assertThat(none.status().orElseThrow()).isEqualTo(StatusOption.of(StatusCode6.NOT_ON_LINK, "No subnet selected"));
    }
}
