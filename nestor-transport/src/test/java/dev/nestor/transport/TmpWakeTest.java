package dev.nestor.transport;
import java.util.List;
import org.junit.jupiter.api.Test;
class TmpWakeTest {
    @Test void t() throws Exception {
        Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of("lo"), false, 10167, 10168));
        Thread r = Thread.ofPlatform().start(() -> { try { t.receive(); } catch (Exception e) {} });
        Thread.sleep(500);
        long s = System.nanoTime(); t.close(); r.join();
        System.out.println("WAKE_MS " + (System.nanoTime() - s) / 1e6);
    }
}
