package dev.nestor.hooks.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.v4.Dhcp4Packet;
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
        optionCode = p.path("option-code").asInt(0);
        if (optionCode < 0 || optionCode > 254) throw new IllegalArgumentException("option-code must be 1..254, not " + optionCode);
        if (optionCode > 0) {
            if (p.has("option-hex")) optionData = Bytes.of(HexFormat.of().parseHex(p.get("option-hex").asText()));
            else optionData = Bytes.of(p.path("option-text").asText("").getBytes(StandardCharsets.UTF_8));
            context.registerCallout(HookPoint.PKT4_SEND, this::addOption);
        }
        if (p.hasNonNull("drop-mac")) {
            dropMac = HwAddress.parse(p.get("drop-mac").asText());
            context.registerCallout(HookPoint.PKT4_RECEIVE, this::dropFromMac);
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
