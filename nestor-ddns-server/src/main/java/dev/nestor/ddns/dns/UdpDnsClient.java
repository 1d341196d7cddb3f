package dev.nestor.ddns.dns;

import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * DNS UPDATE over UDP, as Kea's D2 sends it: one socket per update (a fresh source port each time), answers with
 * another message id ignored, the answer's TSIG verified against the request's. dnsjava supplies the message and
 * TSIG codecs only; the exchange is ours.
 */
public final class UdpDnsClient implements DnsClient {
    private static final int MAX_ANSWER = 65535;

    @Override
    public DnsResult send(Message update, InetSocketAddress server, TSIG key, Duration timeout) {
        byte[] query;
        TSIGRecord queryTsig = null;
        try {
            if (key != null) {
                key.apply(update, null);
                queryTsig = update.getTSIG();
            }
            query = update.toWire(MAX_ANSWER);
        } catch (RuntimeException e) {
            return new DnsResult.Failed("cannot build the update: " + e.getMessage(), false);
        }
        int id = update.getHeader().getID();
        InetAddress any = server.getAddress() instanceof Inet6Address ? InetAddress.ofLiteral("::") : InetAddress.ofLiteral("0.0.0.0");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(any, 0))) {
            socket.connect(server);
            socket.send(new DatagramPacket(query, query.length));
            byte[] buf = new byte[MAX_ANSWER];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return new DnsResult.TimedOut();
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, left)));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                byte[] data = Arrays.copyOf(p.getData(), p.getLength());
                Message answer;
                try {
                    answer = new Message(data);
                } catch (IOException e) {
                    return new DnsResult.Failed("malformed answer from " + server + ": " + e.getMessage(), true);
                }
                if (answer.getHeader().getID() != id) continue; // a late answer to an earlier try
                if (key != null) {
                    int v = key.verify(answer, data, queryTsig);
                    if (v != Rcode.NOERROR) {
                        return new DnsResult.Failed("answer from " + server + " fails TSIG verification ("
                                + Rcode.TSIGstring(v) + "), rcode " + Rcode.string(answer.getRcode()), true);
                    }
                }
                return new DnsResult.Answered(answer.getRcode());
            }
        } catch (SocketTimeoutException e) {
            return new DnsResult.TimedOut();
        } catch (IOException | RuntimeException e) {
            return new DnsResult.Failed("cannot reach " + server + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()), false);
        }
    }
}
