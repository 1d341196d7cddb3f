package dev.nestor.hooks.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v4.Pkt4Send;
import dev.nestor.hooks.v6.Pkt6Receive;
import dev.nestor.hooks.v6.Pkt6Send;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * The sample hook library: everything a plugin author needs, in one class.
 *
 * <pre>
 * "hooks-libraries": [ {
 *     "library": "/opt/nestor/hooks/nestor-hook-sample-0.1.0.jar",
 *     "parameters": {
 *         "option-code": 15,                   // pkt4_send: add this option to every response that lacks it...
 *         "option-text": "sample.example",     // ...with this text (or "option-hex": "0a0b0c")
 *         "drop-mac": "02:00:00:00:00:66",     // pkt4_receive: drop every query from this hardware address
 *         "greeting": "hello"                  // answered by the "sample-hello" command
 *     } } ]
 * </pre>
 *
 * <p>Loaded by nestor-dhcp6, the same parameters act on DHCPv6: pkt6_send adds the option (codes up to 65535) to
 * every reply that lacks it, and pkt6_receive drops queries whose DUID-LL or DUID-LLT carries {@code drop-mac}.
 * {@link HookContext#family()} tells which server loaded the library.
 *
 * State lives in this instance (counters), never in statics: a reconfiguration creates a new instance in a new
 * class loader and this one is dropped after {@link #unload}. The callouts only read final fields and update atomic
 * counters, so the library is safe with multi-threaded packet processing.
 */
public final class SampleHookLibrary implements HookLibrary {
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong optionsAdded = new AtomicLong();
    private Logger log;
    private int optionCode;
    private Bytes optionData;
    private HwAddress dropMac;
    private String greeting;

    @Override
    public int apiVersion() {
        return HookApi.VERSION; // compiled in: the API version this jar was built against
    }

    @Override
    public boolean multiThreadingCompatible() {
        return true;
    }

    @Override
    public void load(HookContext context) {
        log = context.logger();
        JsonNode p = context.parameters();
        greeting = p.path("greeting").asText("hello");
        // check parameters here: an exception refuses the configuration with this message, naming the library
        boolean v6 = context.family() == HookPoint.Family.DHCP6;
        optionCode = p.path("option-code").asInt(0);
        int maxCode = v6 ? 65535 : 254;
        if (optionCode < 0 || optionCode > maxCode) throw new IllegalArgumentException("option-code must be 1.." + maxCode + ", not " + optionCode);
        if (optionCode > 0) {
            if (p.has("option-hex")) optionData = Bytes.of(HexFormat.of().parseHex(p.get("option-hex").asText()));
            else optionData = Bytes.of(p.path("option-text").asText("").getBytes(StandardCharsets.UTF_8));
            if (v6) context.registerCallout(HookPoint.PKT6_SEND, this::addOption6);
            else context.registerCallout(HookPoint.PKT4_SEND, this::addOption);
        }
        if (p.hasNonNull("drop-mac")) {
            dropMac = HwAddress.parse(p.get("drop-mac").asText());
            if (v6) context.registerCallout(HookPoint.PKT6_RECEIVE, this::dropFromMac6);
            else context.registerCallout(HookPoint.PKT4_RECEIVE, this::dropFromMac);
        }
        context.registerCommand("sample-hello", this::hello);
        log.info("sample hook library loaded: option {}, dropping {}", optionCode, dropMac);
    }

    /** pkt4_send: the response is not encoded yet; return a changed copy (packets are immutable). */
    private CalloutResult<Pkt4Send> addOption(Pkt4Send event) {
        Dhcp4Packet response = event.response();
        if (response.hasOption(optionCode)) return CalloutResult.proceed();
        optionsAdded.incrementAndGet();
        return CalloutResult.proceed(event.withResponse(response.withOption(optionCode, optionData)));
    }

    /** pkt4_receive: DROP ends processing; the server sends nothing and leaves the counting to us. */
    private CalloutResult<Pkt4Receive> dropFromMac(Pkt4Receive event) {
        if (!dropMac.equals(event.query().hwAddress())) return CalloutResult.proceed();
        dropped.incrementAndGet();
        log.debug("dropping query from {}", dropMac);
        return CalloutResult.drop();
    }

    /** pkt6_send: the same for DHCPv6 replies (the response is the client's message; the server adds relay layers). */
    private CalloutResult<Pkt6Send> addOption6(Pkt6Send event) {
        if (!(event.response() instanceof Dhcp6Message reply) || reply.hasOption(optionCode)) return CalloutResult.proceed();
        optionsAdded.incrementAndGet();
        return CalloutResult.proceed(event.withResponse(reply.withOption(optionCode, optionData)));
    }

    /** pkt6_receive: the client's DUID-LLT (type 1) or DUID-LL (type 3) ends with its hardware address. */
    private CalloutResult<Pkt6Receive> dropFromMac6(Pkt6Receive event) throws Exception {
        Bytes duid = RelayChain.unwrap(event.query()).client().clientId().orElse(Bytes.EMPTY);
        byte[] mac = dropMac.bytes();
        byte[] d = duid.toArray();
        boolean llt = d.length == 8 + mac.length && d[1] == 1, ll = d.length == 4 + mac.length && d[1] == 3;
        if (d.length < 2 || d[0] != 0 || !(llt || ll)
                || !java.util.Arrays.equals(d, d.length - mac.length, d.length, mac, 0, mac.length)) {
            return CalloutResult.proceed();
        }
        dropped.incrementAndGet();
        return CalloutResult.drop();
    }

    /** The "sample-hello" command: answers Kea's way ({"result": 0, "text": ..., "arguments": {...}}). */
    private Answer hello(Command command) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.put("greeting", greeting);
        args.put("dropped", dropped.get());
        args.put("options-added", optionsAdded.get());
        String name = command.argument("name").map(JsonNode::asText).orElse("world");
        return Answer.success(greeting + ", " + name + "!", args);
    }

    @Override
    public void unload() {
        log.info("sample hook library unloaded after dropping {} queries", dropped.get());
    }
}
