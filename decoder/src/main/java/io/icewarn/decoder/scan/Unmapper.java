package io.icewarn.decoder.scan;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Releases a file mapping as soon as the scan is done with it. The JDK releases a mapping only when the
 * garbage collector finds its buffer unreachable, which a scan that allocates little may never cause: a
 * log's mapped pages would then all stay resident. Java 17 offers no public way to release one, so this
 * uses {@code sun.misc.Unsafe.invokeCleaner}, which the {@code jdk.unsupported} module keeps for exactly
 * this. When it cannot be reached, {@link #AVAILABLE} is false and files are read as streams instead.
 *
 * <p>A buffer must not be read after it was released (the process would crash): the caller releases it
 * only once nothing refers to it any more.
 */
final class Unmapper {
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    /** Whether mappings can be released at once. */
    static final boolean AVAILABLE;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field instance = type.getDeclaredField("theUnsafe");
            instance.setAccessible(true);
            unsafe = instance.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsafe = null;
            invokeCleaner = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
        AVAILABLE = invokeCleaner != null;
    }

    private Unmapper() {}

    /** Releases the mapping of {@code mapped}, a buffer returned by {@code FileChannel.map}. */
    static void unmap(ByteBuffer mapped) {
        if (!AVAILABLE || !mapped.isDirect()) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, mapped);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // left to the garbage collector, as without this class
        }
    }
}
