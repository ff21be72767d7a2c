package org.optdyn.engine.testing;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The JVM's per-thread allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}),
 * which counts every TLAB and heap allocation of the calling thread, interpreted or compiled; for the tests that
 * assert a hot loop allocates nothing.
 *
 * <p>The engine's module does not read {@code jdk.management}, and test classes are compiled into that module, so the
 * counter is looked up by name at run time (the tests run on the class path, where every system module is readable)
 * and called through a method handle.
 */
public final class ThreadAllocations {

    private static final MethodHandle ALLOCATED_BYTES = handle();

    private ThreadAllocations() {
    }

    private static MethodHandle handle() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
            return MethodHandles.publicLookup()
                    .findVirtual(type, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                    .bindTo(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the JVM has no per-thread allocation counter", e);
        }
    }

    /** @return the bytes the calling thread has allocated so far */
    public static long allocatedBytes() {
        try {
            return (long) ALLOCATED_BYTES.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
