package dev.nestor.hooks.bundled.runscript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.bundled.QueryEnvelopes;
import dev.nestor.hooks.v4.Envelope4;
import dev.nestor.hooks.v6.Envelope6;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code libdhcp_run_script.so}: runs an external script at the lease hook points, with the hook point's name as
 * its argument and Kea's environment variables (QUERY4_*, LEASE4_*, LEASES4_AT0_*, SUBNET4_*, PKT4_*, and the v6
 * equivalents). Parameters: {@code name} (mandatory, the script's full path), {@code sync} (accepted; as in Kea,
 * scripts always run asynchronously, so their results never change the server's decisions). The packet path only
 * enqueues; see {@link ScriptRunner}.
 */
public final class RunScriptLibrary implements HookLibrary {
    private ScriptRunner runner;
    private final QueryEnvelopes<Dhcp4Packet, Envelope4> envelopes4 = new QueryEnvelopes<>();
    private final QueryEnvelopes<Dhcp6Packet, Envelope6> envelopes6 = new QueryEnvelopes<>();

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) {
        JsonNode p = ctx.parameters();
        JsonNode name = p.get("name");
        if (name == null) throw new IllegalArgumentException("The 'name' parameter is mandatory");
        if (!name.isTextual()) throw new IllegalArgumentException("The 'name' parameter must be a string");
        Path script = Path.of(name.asText());
        if (!script.isAbsolute()) throw new IllegalArgumentException("Invalid 'name' parameter: '" + script + "' is not a full path");
        if (!Files.isRegularFile(script) || !Files.isExecutable(script)) {
            throw new IllegalArgumentException("Invalid 'name' parameter: '" + script + "' is not an executable file");
        }
        JsonNode sync = p.get("sync");
        if (sync != null && !sync.isBoolean()) throw new IllegalArgumentException("The 'sync' parameter must be a boolean");
        if (sync != null && sync.asBoolean()) ctx.logger().warn("run_script: synchronous calls are not supported (as in Kea): the script runs asynchronously");
        runner = new ScriptRunner(script, ctx.logger());
        if (ctx.family() == HookPoint.Family.DHCP6) registerV6(ctx);
        else registerV4(ctx);
    }

    private void registerV4(HookContext ctx) {
        Function<Dhcp4Packet, Envelope4> env = envelopes4::of;
        ctx.registerCallout(HookPoint.PKT4_RECEIVE, e -> {
            envelopes4.remember(e.query(), e.envelope());
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE4_RENEW, e -> run("lease4_renew", new ScriptEnv()
                .query4("QUERY4", e.query(), env.apply(e.query())).subnet4("SUBNET4", e.subnet())
                .put("PKT4_CLIENT_ID", e.clientId() == null ? "" : e.clientId().toHexColon())
                .put("PKT4_HWADDR", e.hwAddress() == null ? "" : dev.nestor.hooks.bundled.KeaText.hexColon(e.hwAddress().bytes()))
                .put("PKT4_HWADDR_TYPE", e.hwAddress() == null ? "" : Integer.toString(e.hwAddress().htype()))
                .lease4("LEASE4", e.lease())));
        ctx.registerCallout(HookPoint.LEASE4_EXPIRE, e -> run("lease4_expire",
                new ScriptEnv().lease4("LEASE4", e.lease()).bool("REMOVE_LEASE", e.removeLease())));
        ctx.registerCallout(HookPoint.LEASE4_RECOVER, e -> run("lease4_recover", new ScriptEnv().lease4("LEASE4", e.lease())));
        ctx.registerCallout(HookPoint.LEASES4_COMMITTED, e -> run("leases4_committed", new ScriptEnv()
                .query4("QUERY4", e.query(), env.apply(e.query())).leases4("LEASES4", e.leases())
                .leases4("DELETED_LEASES4", e.deletedLeases())));
        ctx.registerCallout(HookPoint.LEASE4_RELEASE, e -> run("lease4_release", new ScriptEnv()
                .query4("QUERY4", e.query(), env.apply(e.query())).lease4("LEASE4", e.lease())));
        ctx.registerCallout(HookPoint.LEASE4_DECLINE, e -> run("lease4_decline", new ScriptEnv()
                .query4("QUERY4", e.query(), env.apply(e.query())).lease4("LEASE4", e.lease())));
    }

    private void registerV6(HookContext ctx) {
        Function<Dhcp6Packet, Envelope6> env = envelopes6::of;
        ctx.registerCallout(HookPoint.PKT6_RECEIVE, e -> {
            envelopes6.remember(e.query(), e.envelope());
            return CalloutResult.proceed();
        });
        ctx.registerCallout(HookPoint.LEASE6_RENEW, e -> run("lease6_renew", new ScriptEnv()
                .query6("QUERY6", e.query(), env.apply(e.query())).lease6("LEASE6", e.lease()).ia6("PKT6_IA", e.query(), e.lease())));
        ctx.registerCallout(HookPoint.LEASE6_REBIND, e -> run("lease6_rebind", new ScriptEnv()
                .query6("QUERY6", e.query(), env.apply(e.query())).lease6("LEASE6", e.lease()).ia6("PKT6_IA", e.query(), e.lease())));
        ctx.registerCallout(HookPoint.LEASE6_EXPIRE, e -> run("lease6_expire",
                new ScriptEnv().lease6("LEASE6", e.lease()).bool("REMOVE_LEASE", e.removeLease())));
        ctx.registerCallout(HookPoint.LEASE6_RECOVER, e -> run("lease6_recover", new ScriptEnv().lease6("LEASE6", e.lease())));
        ctx.registerCallout(HookPoint.LEASES6_COMMITTED, e -> run("leases6_committed", new ScriptEnv()
                .query6("QUERY6", e.query(), env.apply(e.query())).leases6("LEASES6", e.leases())
                .leases6("DELETED_LEASES6", e.deletedLeases())));
        ctx.registerCallout(HookPoint.LEASE6_RELEASE, e -> run("lease6_release", new ScriptEnv()
                .query6("QUERY6", e.query(), env.apply(e.query())).lease6("LEASE6", e.lease())));
        ctx.registerCallout(HookPoint.LEASE6_DECLINE, e -> run("lease6_decline", new ScriptEnv()
                .query6("QUERY6", e.query(), env.apply(e.query())).lease6("LEASE6", e.lease())));
    }

    private <E> CalloutResult<E> run(String hookPoint, ScriptEnv env) {
        runner.submit(hookPoint, env.vars());
        return CalloutResult.proceed();
    }

    @Override
    public void unload() {
        if (runner != null) runner.close();
    }
}
