package dev.nestor.dhcp6.pipeline;

import dev.nestor.codec.v6.Option6Value;
import dev.nestor.codec.v6.StatusCode6;
import dev.nestor.codec.v6.StatusOption;
import dev.nestor.common.Bytes;
import dev.nestor.dhcp6.respond.ResponseBuilder6;
import dev.nestor.engine.v6.IaRequest;
import dev.nestor.engine.v6.LeaseRelease6;
import dev.nestor.engine.v6.LeaseRelease6.Outcome;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The per-IA answers to RELEASE and DECLINE, with Kea's status codes and texts. */
final class ReleaseAnswers6 {
    /** The IA options to send, the RELEASE summary status, and whether the store failed (then: no reply). */
    record Result(List<Option6Value> ias, StatusCode6 summary, boolean storeFailed) {}

    private ReleaseAnswers6() {}

    static Result release(ResponseBuilder6 builder, LeaseRelease6 releaser, Bytes duid, List<IaRequest> ias) {
        return release(builder, releaser, duid, ias, _ -> true);
    }

    /** RELEASE with lease6_release callouts ({@code proceed} false: the lease stays, Kea's "Server failed to release"). */
    static Result release(ResponseBuilder6 builder, LeaseRelease6 releaser, Bytes duid, List<IaRequest> ias,
                          Predicate<Lease6> proceed) {
        List<Option6Value> out = new ArrayList<>();
        StatusCode6 general = StatusCode6.SUCCESS;
        for (IaRequest ia : ias) {
            boolean pd = ia.type() == LeaseType6.PD;
            StatusOption status;
            if (ia.hints().isEmpty()) {
                status = StatusOption.of(StatusCode6.NO_BINDING, pd ? "You did not include a prefix in your RELEASE"
                        : "You did not include an address in your RELEASE");
            } else {
                status = StatusOption.of(StatusCode6.SUCCESS, "Lease released. Thank you, please come again.");
                for (IaRequest.Hint h : ia.hints()) {
                    Outcome o = releaser.release(ia.type(), h.address(), duid, ia.iaid(), proceed);
                    if (o == Outcome.STORE_FAILED) return new Result(List.of(), general, true);
                    if (o == Outcome.SKIPPED) status = StatusOption.of(StatusCode6.UNSPEC_FAIL, "Server failed to release a lease");
                    else if (o != Outcome.DONE) status = releaseFailure(o, pd);
                }
            }
            if (status.status().code() != 0 && !general.equals(StatusCode6.UNSPEC_FAIL)) {
                general = status.status().equals(StatusCode6.UNSPEC_FAIL) ? StatusCode6.UNSPEC_FAIL : StatusCode6.NO_BINDING;
            }
            out.add(builder.failed(ia, status, List.of()));
        }
        return new Result(out, general, false);
    }

    private static StatusOption releaseFailure(Outcome o, boolean pd) {
        return StatusOption.of(StatusCode6.NO_BINDING, switch (o) {
            case NOT_OWNER -> "This address does not belong to you, you can't release it";
            case WRONG_IAID -> "This is your address, but you used wrong IAID";
            default -> pd ? "Sorry, this prefix isn't assigned, can't release." : "Sorry, this address isn't assigned, can't release.";
        });
    }

    static Result decline(ResponseBuilder6 builder, LeaseRelease6 releaser, Bytes duid, List<IaRequest> ias, long probation) {
        return decline(builder, releaser, duid, ias, probation, _ -> true);
    }

    /** DECLINE with lease6_decline callouts ({@code proceed} false: the lease is left, the client still hears success, as in Kea). */
    static Result decline(ResponseBuilder6 builder, LeaseRelease6 releaser, Bytes duid, List<IaRequest> ias, long probation,
                          Predicate<Lease6> proceed) {
        List<Option6Value> out = new ArrayList<>();
        for (IaRequest ia : ias) {
            if (ia.type() != LeaseType6.NA) continue; // only addresses can be declined
            StatusOption status;
            if (ia.hints().isEmpty()) {
                status = StatusOption.of(StatusCode6.NO_BINDING, "No addresses sent in IA_NA");
            } else {
                status = StatusOption.of(StatusCode6.SUCCESS, "Lease declined. Hopefully the next one will be better.");
                for (IaRequest.Hint h : ia.hints()) {
                    Outcome o = releaser.decline(h.address(), duid, ia.iaid(), probation, proceed);
                    if (o == Outcome.STORE_FAILED) return new Result(List.of(), StatusCode6.UNSPEC_FAIL, true);
                    if (o != Outcome.DONE && o != Outcome.SKIPPED) {
                        status = StatusOption.of(StatusCode6.NO_BINDING, switch (o) {
                            case NOT_OWNER -> "This address does not belong to you, you can't decline it";
                            case WRONG_IAID -> "This is your address, but you used wrong IAID";
                            default -> "Server does not know about such an address.";
                        });
                    }
                }
            }
            out.add(builder.failed(ia, status, List.of()));
        }
        return new Result(out, StatusCode6.SUCCESS, false);
    }
}
