package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.lease.LeaseStoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The group commit's rules without a database: callers that queue behind a write are written together, each
 * caller gets its own item's answer, a group never holds one key twice, and a refused or failed group answers
 * nobody with success.
 */
class GroupInsertTest {
    /** Even items are "inserted", odd ones find their key taken. */
    private static boolean evenWins(int item) {
        return item % 2 == 0;
    }

    /**
     * Item 0 is written alone and holds the writer until every other caller is queued behind it; then runs the
     * rest. Returns each item's answer ("true", "false" or the exception's message).
     */
    private static Map<Integer, String> race(GroupInsert.Group<Integer> group,
                                             GroupInsert.Single<Integer> single, List<Integer> others, int keyDivisor)
            throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupInsert<Integer> gi = new GroupInsert<>(item -> {
            if (item == 0) {
                firstWriting.countDown();
                try {
                    othersQueued.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return single.write(item);
        }, group, item -> item / keyDivisor, 32);
        Map<Integer, String> answers = Collections.synchronizedMap(new HashMap<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(others.size() + 1)) {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> answer(gi, 0, answers)));
            firstWriting.await();
            for (int item : others) done.add(pool.submit(() -> answer(gi, item, answers)));
            while (gi.queued() < others.size()) Thread.onSpinWait();
            othersQueued.countDown();
            for (Future<?> f : done) f.get();
        }
        return answers;
    }

    private static Void answer(GroupInsert<Integer> gi, int item, Map<Integer, String> answers) {
        try {
            answers.put(item, Boolean.toString(gi.insert(item)));
        } catch (LeaseStoreException e) {
            answers.put(item, e.getMessage());
        } catch (Exception e) {
            answers.put(item, "unexpected " + e);
        }
        return null;
    }

    @Test
    void callersQueuedBehindAWriteAreWrittenAsOneGroupAndEachGetsItsOwnAnswer() throws Exception {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupInsert.Group<Integer> group = items -> {
            groups.add(items);
            boolean[] out = new boolean[items.size()];
            for (int i = 0; i < out.length; i++) out[i] = evenWins(items.get(i));
            return out;
        };
        Map<Integer, String> answers = race(group, GroupInsertTest::evenWins, List.of(1, 2, 3, 4, 5, 6), 1);

        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        for (int i = 0; i <= 6; i++) assertThat(answers).containsEntry(i, Boolean.toString(evenWins(i)));
    }

    @Test
    void aGroupNeverHoldsOneKeyTwice() throws Exception {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        List<Integer> singles = Collections.synchronizedList(new ArrayList<>());
        GroupInsert.Group<Integer> group = items -> {
            groups.add(items);
            boolean[] out = new boolean[items.size()];
            for (int i = 0; i < out.length; i++) out[i] = evenWins(items.get(i));
            return out;
        };
        GroupInsert.Single<Integer> single = item -> {
            singles.add(item);
            return evenWins(item);
        };
        // keys are item / 10: 10, 11 and 12 share one, 20 and 21 another
        Map<Integer, String> answers = race(group, single, List.of(10, 11, 12, 20, 21, 30), 10);

        List<List<Integer>> written = new ArrayList<>(groups);
        for (int s : singles) if (s != 0) written.add(List.of(s));
        Set<Integer> all = new HashSet<>();
        for (List<Integer> g : written) {
            assertThat(g.stream().map(i -> i / 10).distinct().count()).as("distinct keys in %s", g).isEqualTo(g.size());
            all.addAll(g);
        }
        assertThat(all).containsExactlyInAnyOrder(10, 11, 12, 20, 21, 30);
        for (int i : List.of(0, 10, 11, 12, 20, 21, 30)) assertThat(answers).containsEntry(i, Boolean.toString(evenWins(i)));
    }

    @Test
    void aRefusedGroupIsWrittenItemByItemSoOnlyTheBadItemFails() throws Exception {
        List<Integer> singles = Collections.synchronizedList(new ArrayList<>());
        GroupInsert.Single<Integer> single = item -> {
            singles.add(item);
            if (item == 3) throw new LeaseStoreException("item 3 does not fit");
            return evenWins(item);
        };
        Map<Integer, String> answers = race(_ -> null, single, List.of(1, 2, 3, 4), 1);

        assertThat(singles).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(answers).containsEntry(0, "true").containsEntry(1, "false").containsEntry(2, "true")
                .containsEntry(3, "item 3 does not fit").containsEntry(4, "true");
    }

    @Test
    void aFailedGroupFailsEveryItemInIt() throws Exception {
        GroupInsert.Group<Integer> group = _ -> {
            throw new LeaseStoreException("lease database unavailable");
        };
        Map<Integer, String> answers = race(group, GroupInsertTest::evenWins, List.of(1, 2, 3), 1);

        assertThat(answers).containsEntry(0, "true").containsEntry(1, "lease database unavailable")
                .containsEntry(2, "lease database unavailable").containsEntry(3, "lease database unavailable");
    }
}
