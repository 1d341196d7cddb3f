package dev.nestor.dhcp4;

import dev.nestor.codec.option.VendorOption;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes into OFFER/ACK: option selection rules, vendor options, timers, echoes, size limits. */
class ResponseOptionsTest {
    private static final String SUBNET = """
            "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.100 - 192.0.2.150" } ] } ]
            """;

    @Test
    void alwaysSendGoesUnrequestedAndNeverSendIsWithheldEvenWhenRequested() throws Exception {
        PipelineFixture f = new PipelineFixture("""
                { "option-data": [ { "name": "ntp-servers", "data": "192.0.2.123", "always-send": true },
                                   { "name": "domain-name", "data": "example.org", "never-send": true },
                                   { "name": "time-offset", "data": "3600" } ],
                """ + SUBNET + "}");
        Dhcp4Packet offer = f.exchange(PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:01", 1, 3, 15));
        assertThat(offer.option(42)).as("always-send").isPresent();
        assertThat(offer.option(OptionCodes4.DOMAIN_NAME)).as("never-send").isEmpty();
        assertThat(offer.option(2)).as("time-offset not requested").isEmpty();
    }

    @Test
    void vendorEncapsulatedOptionsFromAClassDefinedSpace() throws Exception {
        // Kea's kea4/vendor-specific.json: class VENDOR_CLASS_339 redefines 43 to encapsulate space "339"
        PipelineFixture f = new PipelineFixture("""
                { "option-def": [ { "code": 2, "name": "vlanid", "space": "339", "type": "uint32" },
                                  { "code": 3, "name": "dls", "space": "339", "type": "string" } ],
                  "client-classes": [ { "name": "VENDOR_CLASS_339",
                      "option-def": [ { "code": 43, "encapsulate": "339", "name": "vendor-encapsulated-options", "type": "empty" } ],
                      "option-data": [ { "name": "vendor-encapsulated-options" },
                                      { "always-send": true, "data": "123", "name": "vlanid", "space": "339" },
                                      { "always-send": true, "data": "sdlp://192.0.2.11:18443", "name": "dls", "space": "339" } ] } ],
                """ + SUBNET + "}");
        Dhcp4Packet q = PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:02", 1, 3)
                .withOption(OptionCodes4.VENDOR_CLASS_ID, Bytes.of("339".getBytes(StandardCharsets.US_ASCII)));
        Dhcp4Packet offer = f.exchange(q);
        // sub-option 2 (uint32 123) then 3 ("sdlp://192.0.2.11:18443")
        assertThat(offer.option(OptionCodes4.VENDOR_ENCAPSULATED).orElseThrow().toHex())
                .isEqualTo("02040000007b0317" + Bytes.of("sdlp://192.0.2.11:18443".getBytes(StandardCharsets.US_ASCII)).toHex());
        // a client of another vendor gets none of it
        Dhcp4Packet other = f.exchange(PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:03", 1, 3, 43));
        assertThat(other.option(OptionCodes4.VENDOR_ENCAPSULATED)).isEmpty();
    }

    @Test
    void vivsoSubOptionsForAConfiguredEnterprise() throws Exception {
        // Kea's kea4/vivso.json
        PipelineFixture f = new PipelineFixture("""
                { "option-def": [ { "code": 2, "name": "vlanid", "space": "vendor-339", "type": "uint32" },
                                  { "code": 3, "name": "dls", "space": "vendor-339", "type": "string" } ],
                  "client-classes": [ { "name": "VENDOR_CLASS_339",
                      "option-data": [ { "data": "339", "name": "vivso-suboptions" },
                                      { "always-send": true, "data": "123", "name": "vlanid", "space": "vendor-339" },
                                      { "always-send": true, "data": "sdlp://192.0.2.11:18443", "name": "dls", "space": "vendor-339" } ] } ],
                """ + SUBNET + "}");
        Dhcp4Packet q = PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:04", 1, 3)
                .withOption(OptionCodes4.VENDOR_CLASS_ID, Bytes.of("339".getBytes(StandardCharsets.US_ASCII)));
        Dhcp4Packet offer = f.exchange(q);
        List<VendorOption> vendors = VendorOption.decode125(offer.option(OptionCodes4.VIVSO).orElseThrow());
        assertThat(vendors).hasSize(1);
        assertThat(vendors.getFirst().enterpriseId()).isEqualTo(339);
        assertThat(vendors.getFirst().subOptions().get(2).orElseThrow().toHex()).isEqualTo("0000007b");
        assertThat(new String(vendors.getFirst().subOptions().get(3).orElseThrow().toArray(), StandardCharsets.US_ASCII))
                .isEqualTo("sdlp://192.0.2.11:18443");
    }

    @Test
    void teeTimesAreCalculatedWhenAsked() throws Exception {
        PipelineFixture f = new PipelineFixture("""
                { "valid-lifetime": 1000, "calculate-tee-times": true, "t1-percent": 0.4, "t2-percent": 0.7,
                """ + SUBNET + "}");
        Dhcp4Packet offer = f.exchange(PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:05"));
        assertThat(offer.option(OptionCodes4.RENEWAL_TIME).orElseThrow().toHex()).isEqualTo("00000190");
        assertThat(offer.option(OptionCodes4.REBINDING_TIME).orElseThrow().toHex()).isEqualTo("000002bc");
        // without calculate-tee-times and without timers, none are sent (Kea)
        PipelineFixture g = new PipelineFixture("{ \"valid-lifetime\": 1000, " + SUBNET + "}");
        Dhcp4Packet plain = g.exchange(PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:06"));
        assertThat(plain.option(OptionCodes4.RENEWAL_TIME)).isEmpty();
        assertThat(plain.option(OptionCodes4.REBINDING_TIME)).isEmpty();
    }

    @Test
    void clientIdIsEchoedUnlessDisabled() throws Exception {
        Bytes cid = Bytes.fromHex("01:02:00:00:00:01:07");
        PipelineFixture on = new PipelineFixture("{ " + SUBNET + "}");
        Dhcp4Packet q = PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:07").withOption(OptionCodes4.CLIENT_ID, cid);
        assertThat(on.exchange(q).option(OptionCodes4.CLIENT_ID)).contains(cid);
        PipelineFixture off = new PipelineFixture("{ \"echo-client-id\": false, " + SUBNET + "}");
        assertThat(off.exchange(q).option(OptionCodes4.CLIENT_ID)).isEmpty();
    }

    @Test
    void withoutMatchClientIdAClientIsKnownByItsMacAcrossClientIds() throws Exception {
        PipelineFixture f = new PipelineFixture("{ \"match-client-id\": false, " + SUBNET + "}");
        Dhcp4Packet q1 = PipelineFixture.query(MessageType4.REQUEST, "02:00:00:00:01:08")
                .withOption(OptionCodes4.CLIENT_ID, Bytes.fromHex("01:aa"));
        Dhcp4Packet ack = f.exchange(q1);
        Dhcp4Packet q2 = PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:08")
                .withOption(OptionCodes4.CLIENT_ID, Bytes.fromHex("01:bb"));
        assertThat(f.exchange(q2).yiaddr()).isEqualTo(ack.yiaddr());
    }

    @Test
    void aLargeReplyFitsTheClientsMaximumMessageSize() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 60; i++) many.append(i == 0 ? "" : ", ").append("192.0.2.").append(i + 1);
        PipelineFixture f = new PipelineFixture("""
                { "option-data": [ { "name": "ntp-servers", "data": "%s" }, { "name": "domain-name-servers", "data": "%s" },
                                   { "name": "netbios-name-servers", "data": "%s" } ],
                """.formatted(many, many, many) + SUBNET + "}");
        Dhcp4Packet q = PipelineFixture.query(MessageType4.DISCOVER, "02:00:00:00:01:09", 1, 3, 6, 42, 44);
        byte[] wire = f.send(q).orElseThrow().data();
        assertThat(wire.length).as("fits the default 576 bytes").isLessThanOrEqualTo(576);
        Dhcp4Packet offer = dev.nestor.codec.v4.Dhcp4Codec.decode(wire, 0, wire.length);
        assertThat(offer.messageType()).isEqualTo(MessageType4.OFFER);
        assertThat(offer.option(OptionCodes4.SERVER_ID)).isPresent();
        assertThat(offer.option(OptionCodes4.LEASE_TIME)).isPresent();
    }
}
