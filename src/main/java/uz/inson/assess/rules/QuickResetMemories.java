package uz.inson.assess.rules;

import org.drools.core.common.Memory;
import org.drools.core.common.MemoryFactory;
import org.drools.core.common.NodeMemories;
import org.drools.core.reteoo.SegmentMemory;
import org.drools.core.reteoo.SegmentMemory.SegmentPrototype;
import org.drools.core.reteoo.SegmentPrototypeRegistry;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pooled session's node memories, reset for the next household as Drools resets them, only cheaper. Drools' own reset
 * ({@code ConcurrentNodeMemories.resetAllMemories}) puts the segment of every node memory the session has ever used
 * into a new {@code HashSet}, hashed through an interface call, then looks each segment's prototype up in a map keyed
 * by a boxed node id: 17 % of a decision (async-profiler over EngineBenchmark.decision, docs/performance-history.md).
 * Here the segments are told apart by identity and each one's prototype is looked up once, the first time it is reset,
 * since a compiled rule set's KieBase never changes; every memory and every segment is then reset with Drools' own
 * calls, in the same steps. The session gets this in place of its private {@code nodeMemories} field, through which
 * only its reset calls {@code resetAllMemories}; its other parts hold the memories themselves, and this passes every
 * other call on to them.
 */
final class QuickResetMemories implements NodeMemories {
    private static final VarHandle FIELD = field();

    private final NodeMemories memories;
    private final SegmentPrototypeRegistry prototypes;
    /**
     * Each segment the session has made, with its prototype as Drools' registry names it (none for some): looked up once,
     * not at every reset, since a compiled rule set's KieBase never changes after its build.
     */
    private final Map<SegmentMemory, Segment> known = new IdentityHashMap<>();
    /**
     * The segment each memory slot had at the last reset: a memory keeps its segment from one household to the next, so
     * most slots find theirs here, by index, instead of in {@link #known} by identity hash.
     */
    private Segment[] bySlot = new Segment[0];
    /** This reset's segments in the order their first memory comes: the same order every time, whatever the identity hashes. */
    private final List<Segment> segments = new ArrayList<>();
    private long resets;

    private static final class Segment {
        final SegmentMemory memory;
        final SegmentPrototype prototype;
        long reset = -1;

        Segment(SegmentMemory memory, SegmentPrototype prototype) {
            this.memory = memory;
            this.prototype = prototype;
        }
    }

    private QuickResetMemories(NodeMemories memories, SegmentPrototypeRegistry prototypes) {
        this.memories = memories;
        this.prototypes = prototypes;
    }

    private static VarHandle field() {
        try {
            return MethodHandles.privateLookupIn(StatefulKnowledgeSessionImpl.class, MethodHandles.lookup())
                    .findVarHandle(StatefulKnowledgeSessionImpl.class, "nodeMemories", NodeMemories.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another Drools: its own reset serves
        }
    }

    /** Whether this Drools lets the quick reset in; {@code QuickResetMemoriesTest} fails when an upgrade takes that away. */
    static boolean available() {
        return FIELD != null;
    }

    /** Gives a new session the quick reset, where this Drools allows it; the session works either way. */
    static void install(KieSession session) {
        if (FIELD != null && session instanceof StatefulKnowledgeSessionImpl impl && impl.getNodeMemories() != null) {
            FIELD.set(impl, new QuickResetMemories(impl.getNodeMemories(), impl.getKnowledgeBase().getSegmentPrototypeRegistry()));
        }
    }

    @Override
    public void resetAllMemories() {
        long reset = ++resets;
        SegmentMemory last = null; // a segment's memories mostly come one after another
        int length = memories.length();
        if (bySlot.length < length) {
            bySlot = Arrays.copyOf(bySlot, length);
        }
        for (int i = 0; i < length; i++) {
            Memory memory = memories.peekNodeMemory(i);
            if (memory != null) {
                memory.reset();
                SegmentMemory segmentMemory = memory.getSegmentMemory();
                if (segmentMemory != null && segmentMemory != last) {
                    Segment segment = bySlot[i];
                    if (segment == null || segment.memory != segmentMemory) {
                        segment = known.computeIfAbsent(segmentMemory, m -> new Segment(m, prototypes.getSegmentPrototype(m)));
                        bySlot[i] = segment;
                    }
                    if (segment.reset != reset) {
                        segment.reset = reset;
                        segments.add(segment);
                    }
                    last = segmentMemory;
                }
            }
        }
        for (int i = 0, size = segments.size(); i < size; i++) {
            Segment segment = segments.get(i);
            segment.memory.reset(segment.prototype);
            if (segment.memory.isSegmentLinked()) {
                segment.memory.notifyRuleLinkSegment();
            }
        }
        segments.clear();
    }

    @Override
    public <T extends Memory> T getNodeMemory(MemoryFactory<T> node) {
        return memories.getNodeMemory(node);
    }

    @Override
    public void clearNodeMemory(MemoryFactory node) {
        memories.clearNodeMemory(node);
    }

    @Override
    public void clear() {
        memories.clear();
    }

    @Override
    public Memory peekNodeMemory(int memoryId) {
        return memories.peekNodeMemory(memoryId);
    }

    @Override
    public int length() {
        return memories.length();
    }
}
